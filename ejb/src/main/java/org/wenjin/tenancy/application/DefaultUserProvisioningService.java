package org.wenjin.tenancy.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wenjin.persistence.tenancy.AppUser;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.persistence.tenancy.TenantMembership;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.domain.TenantRepository;
import org.wenjin.tenancy.domain.UserRepository;

@Stateless
public class DefaultUserProvisioningService implements UserProvisioningService {

  private final TenantRepository tenants;
  private final UserRepository users;

  @Inject
  public DefaultUserProvisioningService(TenantRepository tenants, UserRepository users) {
    this.tenants = tenants;
    this.users = users;
  }

  /** For the EJB container's proxy only. */
  protected DefaultUserProvisioningService() {
    this(null, null);
  }

  @Override
  public SignedInUser provision(CallerIdentity caller) {
    Instant now = Instant.now();
    String displayName = displayNameOf(caller);
    AppUser user = users.findBySubject(caller.subject()).orElse(null);
    if (user == null) {
      user =
          users.add(
              new AppUser(caller.subject(), caller.username(), caller.email(), displayName, now));
    } else {
      user.updateProfile(caller.username(), caller.email(), displayName, now);
    }

    AppUser member = user;
    List<Tenant> memberOf = new ArrayList<>();
    for (String alias : caller.organizations()) {
      Tenant tenant =
          tenants.findByAlias(alias).orElseGet(() -> tenants.add(newTenant(alias, now)));
      users
          .findMembership(tenant, member)
          .ifPresentOrElse(
              m -> m.seen(now),
              () -> users.addMembership(new TenantMembership(tenant, member, now)));
      memberOf.add(tenant);
    }
    memberOf.sort(Comparator.comparing(Tenant::getAlias));
    return new SignedInUser(member, memberOf);
  }

  /**
   * A tenant first seen in a token is recorded under its alias; platform admins manage its display
   * name from the app.
   */
  private static Tenant newTenant(String alias, Instant now) {
    return new Tenant(alias, alias, now);
  }

  private static String displayNameOf(CallerIdentity caller) {
    String name = caller.displayName();
    return name == null || name.isBlank() ? caller.username() : name.strip();
  }
}
