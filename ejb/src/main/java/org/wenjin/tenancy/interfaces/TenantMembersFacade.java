package org.wenjin.tenancy.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.application.TenantAdministrationService;
import org.wenjin.tenancy.domain.TenantRepository;
import org.wenjin.tenancy.domain.TenantRuleViolation;

/**
 * A tenant admin's view of their own company's members. The company is the caller's active tenant
 * (see {@code TenantContext}), and the caller must be tenant-admin <em>there</em>; no method takes
 * a tenant from the client.
 */
@Stateless
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.TENANT_ADMIN)
@Interceptors(TenantScoped.class)
public class TenantMembersFacade {

  @Inject private TenantAdministrationService tenants;

  @Inject private TenantRepository tenantRepository;

  public List<MemberDto> members() {
    return tenants.members(activeAlias()).stream().map(MemberDto::of).toList();
  }

  /** Adds a colleague by their verified e-mail address in the company's e-mail domain. */
  public MemberDto addMember(String email) {
    return MemberDto.of(
        tenants.admitColleague(activeAlias(), email, CallerScope.current().username()));
  }

  private String activeAlias() {
    return tenantRepository
        .findById(CallerScope.current().tenantId())
        .orElseThrow(() -> new TenantRuleViolation(RuleMessage.of("tenancy.company.gone")))
        .getAlias();
  }
}
