/**
 * The audit trail's rules: what an event's hash covers, how a chain is verified, filters; and how a
 * company's usage is counted from it (per UTC day, per user, per model).
 */
package org.wenjin.audit.domain;
