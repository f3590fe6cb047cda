/**
 * The audit trail's rows: hash-chained events per company ({@link
 * org.wenjin.persistence.audit.AuditEvent}), the head of each chain, and the index of documents an
 * exchange was shown. Append-only: the application inserts and reads, never updates or deletes
 * (except the retention purge, which is itself an event).
 */
package org.wenjin.persistence.audit;
