package org.wenjin.governance.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.wenjin.governance.application.GovernanceService;
import org.wenjin.governance.domain.Policy;
import org.wenjin.governance.domain.PolicyBounds;
import org.wenjin.governance.domain.PurgeReport;
import org.wenjin.governance.domain.UsageToday;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.interfaces.TenantScoped;

/** The tenant admin's retention, quotas and today's use, of the company they act for. */
@Stateless
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.TENANT_ADMIN)
@Interceptors(TenantScoped.class)
public class GovernanceFacade {

  @Inject private GovernanceService governance;

  public Policy policy() {
    return governance.policy();
  }

  public PolicyBounds bounds() {
    return governance.bounds();
  }

  public Policy change(Policy policy) {
    return governance.change(policy);
  }

  public PurgeReport purgeNow() {
    return governance.purgeNow();
  }

  public UsageToday today() {
    return governance.today();
  }
}
