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
    ChainVerifier verifier = new ChainVerifier(events.head(tenant).orElse(null));
    events.forEachInChain(tenant, verifier::accept);
    return verifier.report();
  }

  private static long company() {
    return CallerScope.current().tenantId();
  }
}
