/** What other contexts call to have an administrative action recorded for the audit. */
package org.wenjin.audit.application;
