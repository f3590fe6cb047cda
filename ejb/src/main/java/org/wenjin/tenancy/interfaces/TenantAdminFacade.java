package org.wenjin.tenancy.interfaces;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.TenantAdministrationService;

/**
 * Tenant management for platform admins: list, create, rename, disable/enable, members. Errors
 * reach the caller as {@code TenantRuleViolation} or {@code IdentityProviderException}, with a
 * message for the person who clicked.
 */
@Stateless
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantAdminFacade {

  @Resource private SessionContext context;

  @Inject private TenantAdministrationService tenants;

  public List<TenantDto> list() {
    return tenants.list().stream().map(TenantDto::of).toList();
  }

  public TenantDto create(String alias, String displayName, String emailDomain) {
    return TenantDto.of(tenants.create(alias, displayName, emailDomain, actor()));
  }

  public TenantDto rename(String alias, String displayName) {
    return TenantDto.of(tenants.rename(alias, displayName, actor()));
  }

  public TenantDto setEnabled(String alias, boolean enabled) {
    return TenantDto.of(tenants.setEnabled(alias, enabled, actor()));
  }

  public List<MemberDto> members(String alias) {
    return tenants.members(alias).stream().map(MemberDto::of).toList();
  }

  public MemberDto addMember(String alias, String usernameOrEmail) {
    return MemberDto.of(tenants.addMember(alias, usernameOrEmail, actor()));
  }

  private String actor() {
    return context.getCallerPrincipal().getName();
  }
}
