/**
 * The audit log as rows of {@code admin_audit_event}, written in the transaction of the action they
 * record, so there is never an action without its record or a record without its action.
 */
package org.wenjin.audit.infrastructure;
