/**
 * What other contexts call to have an exchange or an action recorded ({@link
 * org.wenjin.audit.application.AuditLog}), and the auditor's reading of the trail ({@link
 * org.wenjin.audit.application.AuditTrail}), always of the company the caller acts for.
 */
package org.wenjin.audit.application;
