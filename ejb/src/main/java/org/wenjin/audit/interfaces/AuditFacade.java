package org.wenjin.audit.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import java.util.function.Predicate;
import org.wenjin.audit.application.AuditTrail;
import org.wenjin.audit.domain.AuditQuery;
import org.wenjin.audit.domain.ChainReport;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.interfaces.TenantScoped;

/**
 * The auditor's reading of the company they act for: search, open, export, verify. Read-only by
 * construction: nothing here changes anything, and the company comes from {@link TenantScoped}.
 */
@Stateless
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.AUDITOR)
@Interceptors(TenantScoped.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditFacade {

  /** A page of events, newest first, and how many match in all. */
  public record EventPage(List<AuditEventDto> events, long total) {}

  @Inject private AuditTrail trail;

  public EventPage search(AuditQuery query, int offset, int limit) {
    AuditTrail.Page page = trail.search(query, offset, limit);
    return new EventPage(page.events().stream().map(AuditEventDto::of).toList(), page.total());
  }

  public List<AuditEventDto> page(AuditQuery query, int offset, int limit) {
    return trail.page(query, offset, limit).stream().map(AuditEventDto::of).toList();
  }

  public long count(AuditQuery query) {
    return trail.count(query);
  }

  public AuditEventDto event(long eventId) {
    return AuditEventDto.of(trail.event(eventId));
  }

  /** Streams every matching event to {@code sink} (newest first) until it returns false. */
  public void export(AuditQuery query, Predicate<AuditEventDto> sink) {
    trail.export(query, e -> sink.test(AuditEventDto.of(e)));
  }

  public ChainReport verify() {
    return trail.verify();
  }
}
