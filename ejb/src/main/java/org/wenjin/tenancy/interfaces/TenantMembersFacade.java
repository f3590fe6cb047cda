package org.wenjin.tenancy.interfaces;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.TenantAdministrationService;
import org.wenjin.tenancy.application.TenantContext;

/**
 * A tenant admin's view of their own company's members. The company is the caller's active tenant
 * (see {@code TenantContext}), so no method takes a tenant from the client.
 */
@Stateless
@RolesAllowed(Roles.TENANT_ADMIN)
public class TenantMembersFacade {

  @Resource private SessionContext context;

  @Inject private TenantContext tenantContext;

  @Inject private TenantAdministrationService tenants;

  @Inject private Callers callers;

  public List<MemberDto> members() {
    return tenants.members(activeTenant().getAlias()).stream().map(MemberDto::of).toList();
  }

  /** Adds an existing Keycloak user (by username or e-mail) to the caller's company. */
  public MemberDto addMember(String usernameOrEmail) {
    return MemberDto.of(
        tenants.addMember(
            activeTenant().getAlias(), usernameOrEmail, context.getCallerPrincipal().getName()));
  }

  private Tenant activeTenant() {
    return tenantContext.activeTenant(callers.current(context));
  }
}
