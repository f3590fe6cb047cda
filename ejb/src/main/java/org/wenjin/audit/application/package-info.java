/**
 * What other contexts call to have an exchange or an action recorded ({@link
 * org.wenjin.audit.application.AuditLog}), the auditor's reading of the trail ({@link
 * org.wenjin.audit.application.AuditTrail}) and the tenant admin's usage overview counted from it
 * ({@link org.wenjin.audit.application.UsageOverview}), always of the company the caller acts for.
 */
package org.wenjin.audit.application;
