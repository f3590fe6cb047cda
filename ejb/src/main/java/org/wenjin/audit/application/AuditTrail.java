package org.wenjin.audit.application;

import java.util.List;
import java.util.function.Predicate;
import org.wenjin.audit.domain.AuditQuery;
import org.wenjin.audit.domain.ChainReport;
import org.wenjin.persistence.audit.AuditEvent;

/** The audit trail of the company the caller acts for, as an auditor reads it. */
public interface AuditTrail {

  record Page(List<AuditEvent> events, long total) {}

  Page search(AuditQuery query, int offset, int limit);

  /** A page without the count (a lazy grid asks for the count once, then page after page). */
  List<AuditEvent> page(AuditQuery query, int offset, int limit);

  long count(AuditQuery query);

  /**
   * @throws org.wenjin.audit.domain.AuditRules not found, also for another company's event
   */
  AuditEvent event(long eventId);

  /** Every matching event, newest first, to {@code sink} until it returns false. */
  void export(AuditQuery query, Predicate<AuditEvent> sink);

  /** Recomputes the company's chain from its first event. */
  ChainReport verify();
}
