package org.wenjin.audit.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.function.Predicate;
import org.wenjin.audit.domain.AuditEvents;
import org.wenjin.audit.domain.AuditQuery;
import org.wenjin.audit.domain.AuditRules;
import org.wenjin.audit.domain.ChainReport;
import org.wenjin.audit.domain.ChainVerifier;
import org.wenjin.persistence.audit.AuditChain;
import org.wenjin.persistence.audit.AuditEvent;
import org.wenjin.tenancy.application.CallerScope;

/**
 * Reads only the caller's company: the one place the audit's tenant is chosen. Without a
 * transaction: reads see committed events only, and a long export or verification holds no
 * transaction (nor a persistence context that grows with it).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultAuditTrail implements AuditTrail {

  @Inject private AuditEvents events;

  @Override
  public Page search(AuditQuery query, int offset, int limit) {
    long tenant = company();
    return new Page(events.find(tenant, query, offset, limit), events.count(tenant, query));
  }

  @Override
  public java.util.List<AuditEvent> page(AuditQuery query, int offset, int limit) {
    return events.find(company(), query, offset, limit);
  }

  @Override
  public long count(AuditQuery query) {
    return events.count(company(), query);
  }

  @Override
  public AuditEvent event(long eventId) {
    return events.find(company(), eventId).orElseThrow(AuditRules::notFound);
  }

  @Override
  public void export(AuditQuery query, Predicate<AuditEvent> sink) {
    events.forEach(company(), query, sink);
  }

  @Override
  public ChainReport verify() {
    long tenant = company();
    for (int attempt = 1; ; attempt++) {
      AuditChain head = events.head(tenant).orElse(null);
      ChainVerifier verifier = new ChainVerifier(head);
      events.forEachInChain(tenant, verifier::accept);
      ChainReport report = verifier.report();
      // a retention purge that ran meanwhile removed events this head still expected: verify
      // again from where the chain now starts (purges are hourly, so once is plenty)
      if (report.intact() || attempt == MAX_ATTEMPTS || !purgedSince(head, tenant)) {
        return report;
      }
    }
  }

  /** Verifications a purge running at the same time may cause. */
  static final int MAX_ATTEMPTS = 2;

  private boolean purgedSince(AuditChain head, long tenant) {
    long before = head == null ? 0 : head.getPurgedSeq();
    return events.head(tenant).map(AuditChain::getPurgedSeq).orElse(0L) != before;
  }

  private static long company() {
    return CallerScope.current().tenantId();
  }
}
