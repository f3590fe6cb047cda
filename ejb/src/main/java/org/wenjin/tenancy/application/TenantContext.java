package org.wenjin.tenancy.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.wenjin.persistence.tenancy.AppUser;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.domain.CompanyGrants;
import org.wenjin.tenancy.domain.TenantRepository;
import org.wenjin.tenancy.domain.TenantRuleViolation;
import org.wenjin.tenancy.domain.UserRepository;

/**
 * The one place that decides which tenant a caller acts for, and what they may do there: among the
 * enabled tenants they belong to (by their verified token, or Keycloak's answer when the token
 * names none), the one they chose in the shell's switcher, else the first by alias (which is then
 * remembered as their choice). Their company roles and document groups are those granted in that
 * tenant only ({@link CompanyGrants}). Never a tenant id sent by the client.
 */
@Stateless
public class TenantContext {

  @Inject private TenantRepository tenants;

  @Inject private UserRepository users;

  @Inject private UserProvisioningService provisioning;

  /**
   * The caller as tenant-scoped services see them; provisions the user on their first call. Runs in
   * its own transaction: Hibernate fixes a persistence context's tenant when it opens, so the
   * lookups here must not open the caller's transaction's context before the tenant is known.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ActingCaller act(CallerIdentity caller) {
    Optional<AppUser> known = users.findBySubject(caller.subject());
    List<Tenant> memberOf = named(caller);
    AppUser user;
    if (known.isPresent() && memberOf.size() == caller.organizations().size()) {
      user = known.get(); // the usual call: no write on this hot path
    } else {
      // a first call (a script may never have opened the UI) or a new organization in the token:
      // record them as a sign-in would
      SignedInUser signedIn = provisioning.provision(caller);
      user = signedIn.user();
      memberOf = signedIn.tenants();
    }
    Tenant tenant = active(memberOf, user.getActiveTenantId());
    if (user.getActiveTenantId() == null) {
      // the first company the user acts for stays theirs until they choose another: a company
      // that adds them later (and sorts first) must not take over their questions silently
      user.actFor(tenant);
    }
    CompanyGrants grants = CompanyGrants.of(caller.groups(), tenant.getAlias());
    return new ActingCaller(
        tenant.getId(),
        tenant.getDisplayName(),
        user.getId(),
        caller.username(),
        grants.roles(),
        grants.groups(),
        caller.apiKeyId());
  }

  public Tenant activeTenant(CallerIdentity caller) {
    return active(
        named(caller),
        users.findBySubject(caller.subject()).map(AppUser::getActiveTenantId).orElse(null));
  }

  private List<Tenant> named(CallerIdentity caller) {
    return caller.organizations().stream()
        .map(tenants::findByAlias)
        .flatMap(Optional::stream)
        .toList();
  }

  private static Tenant active(List<Tenant> memberOf, Long chosenId) {
    return choose(memberOf, chosenId)
        .orElseThrow(() -> new TenantRuleViolation(RuleMessage.of("tenancy.company.none-enabled")));
  }

  /**
   * The rule itself, shared with the session: the chosen tenant if it is among the enabled ones,
   * else the first enabled one by alias, if any.
   *
   * @param chosenId the tenant the user picked in the switcher, or {@code null}
   */
  public static Optional<Tenant> choose(List<Tenant> memberOf, Long chosenId) {
    List<Tenant> enabled = memberOf.stream().filter(Tenant::isEnabled).toList();
    return enabled.stream()
        .filter(t -> t.getId().equals(chosenId))
        .findFirst()
        .or(() -> enabled.stream().min(Comparator.comparing(Tenant::getAlias)));
  }
}
