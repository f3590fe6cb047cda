/**
 * The audit trail as rows of {@code audit_event}, appended under the lock of the company's chain
 * head in the transaction of what they record; the usage figures counted from them; tenancy's port
 * into it.
 */
package org.wenjin.audit.infrastructure;
