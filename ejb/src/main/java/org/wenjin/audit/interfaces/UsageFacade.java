package org.wenjin.audit.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.wenjin.audit.application.UsageOverview;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.interfaces.TenantScoped;

/**
 * The tenant admin's usage overview of the company they act for, counted from its audit trail.
 * Tenant admins, not auditors: it shows questions and who asked them, but only the latest
 * unanswered ones, not the answers; the full record stays the auditor's.
 */
@Stateless
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.TENANT_ADMIN)
@Interceptors(TenantScoped.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsageFacade {

  public static final int DEFAULT_DAYS = UsageOverview.DEFAULT_DAYS;

  @Inject private UsageOverview overview;

  /**
   * The last {@code days} UTC days, today included.
   *
   * @throws org.wenjin.audit.domain.AuditRules unless 1 ≤ days ≤ 365
   */
  public UsageDto lastDays(int days) {
    return UsageDto.of(overview.lastDays(days));
  }
}
