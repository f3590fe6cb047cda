/** The audit trail's rules: what an event's hash covers, how a chain is verified, filters. */
package org.wenjin.audit.domain;
