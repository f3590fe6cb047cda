package org.wenjin.tenancy.interfaces;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.AdminAuditLog;
import org.wenjin.tenancy.application.LanguageChoiceService;
import org.wenjin.tenancy.application.SignedInUser;
import org.wenjin.tenancy.application.TenantContext;
import org.wenjin.tenancy.application.UserProvisioningService;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.domain.CompanyGrants;
import org.wenjin.tenancy.domain.TenantRuleViolation;
import org.wenjin.tenancy.domain.UserLanguage;

/** The signed-in user's session: who they are, which tenant they act for, what they may do. */
@Stateless
@DeclareRoles({Roles.USER, Roles.PLATFORM_ADMIN})
@RolesAllowed({Roles.USER, Roles.PLATFORM_ADMIN})
public class SessionFacade {

  @Resource private SessionContext context;

  @Inject private UserProvisioningService provisioning;

  @Inject private Callers callers;

  @Inject private AdminAuditLog audit;

  @Inject private LanguageChoiceService languages;

  /** Records the sign-in (first login creates the user) and describes the session. */
  public SessionDto signIn() {
    CallerIdentity caller = callers.current(context);
    return describe(caller, provisioning.provision(caller));
  }

  /**
   * Makes one of the caller's enabled companies the one they act for, in the UI and through the API
   * alike, until they choose another.
   */
  public SessionDto switchTenant(String alias) {
    CallerIdentity caller = callers.current(context);
    SignedInUser signedIn = provisioning.provision(caller);
    Tenant chosen =
        signedIn.enabledTenants().stream()
            .filter(t -> t.getAlias().equals(alias))
            .findFirst()
            .orElseThrow(
                () -> new TenantRuleViolation(RuleMessage.of("tenancy.company.not-member", alias)));
    Long before = signedIn.user().getActiveTenantId();
    signedIn.user().actFor(chosen);
    if (!chosen.getId().equals(before)) {
      audit.record(caller.username(), chosen.getId(), "company.switched", "to " + alias);
    }
    return describe(caller, signedIn);
  }

  /**
   * Remembers the language the user chose for the app, for every later sign-in on any browser.
   *
   * @param languageTag {@code en} or {@code zh-CN}
   */
  public SessionDto chooseLanguage(String languageTag) {
    String language = UserLanguage.canonical(languageTag);
    CallerIdentity caller = callers.current(context);
    SignedInUser signedIn = provisioning.provision(caller);
    languages.choose(signedIn, language);
    return describe(caller, signedIn);
  }

  private static SessionDto describe(CallerIdentity caller, SignedInUser signedIn) {
    List<SessionDto.TenantDto> tenants =
        signedIn.enabledTenants().stream().map(SessionFacade::toDto).toList();
    Optional<Tenant> active =
        TenantContext.choose(signedIn.tenants(), signedIn.user().getActiveTenantId());
    Set<String> roles = new TreeSet<>(caller.roles());
    // company roles only of the company acted for: an admin of Acme is a plain user in Globex
    active.ifPresent(t -> roles.addAll(CompanyGrants.of(caller.groups(), t.getAlias()).roles()));
    return new SessionDto(
        caller.username(),
        signedIn.user().getDisplayName(),
        caller.email(),
        active.map(SessionFacade::toDto).orElse(null),
        tenants,
        roles,
        access(caller, signedIn),
        signedIn.user().getLanguage());
  }

  /** The platform role works without a company; everyone else needs an enabled one. */
  static SessionDto.Access access(CallerIdentity caller, SignedInUser signedIn) {
    if (!signedIn.enabledTenants().isEmpty() || caller.hasRole(Roles.PLATFORM_ADMIN)) {
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
