package org.wenjin.tenancy.interfaces;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.SignedInUser;
import org.wenjin.tenancy.application.TenantContext;
import org.wenjin.tenancy.application.UserProvisioningService;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.infrastructure.OidcCallerResolver;

/** The signed-in user's session: who they are, which tenant they act for, what they may do. */
@Stateless
@DeclareRoles({Roles.USER, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN, Roles.AUDITOR})
@RolesAllowed({Roles.USER, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN, Roles.AUDITOR})
public class SessionFacade {

  @Resource private SessionContext context;

  @Inject private UserProvisioningService provisioning;

  /** Records the sign-in (first login creates the user) and describes the session. */
  public SessionDto signIn() {
    CallerIdentity caller =
        OidcCallerResolver.resolve(context.getCallerPrincipal(), context::isCallerInRole);
    SignedInUser signedIn = provisioning.provision(caller);
    List<SessionDto.TenantDto> tenants =
        signedIn.enabledTenants().stream().map(SessionFacade::toDto).toList();
    return new SessionDto(
        caller.username(),
        signedIn.user().getDisplayName(),
        caller.email(),
        TenantContext.choose(signedIn.tenants()).map(SessionFacade::toDto).orElse(null),
        tenants,
        caller.roles(),
        access(caller, signedIn));
  }

  /** Platform roles work without a company; everyone else needs an enabled one. */
  static SessionDto.Access access(CallerIdentity caller, SignedInUser signedIn) {
    if (!signedIn.enabledTenants().isEmpty()
        || caller.hasRole(Roles.PLATFORM_ADMIN)
        || caller.hasRole(Roles.AUDITOR)) {
      return SessionDto.Access.GRANTED;
    }
    return signedIn.memberOfDisabledTenant()
        ? SessionDto.Access.COMPANY_DISABLED
        : SessionDto.Access.NO_COMPANY;
  }

  private static SessionDto.TenantDto toDto(Tenant tenant) {
    return new SessionDto.TenantDto(tenant.getAlias(), tenant.getDisplayName());
  }
}
