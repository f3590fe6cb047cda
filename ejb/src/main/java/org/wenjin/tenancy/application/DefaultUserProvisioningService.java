package org.wenjin.tenancy.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wenjin.persistence.tenancy.AppUser;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.domain.TenantRepository;
import org.wenjin.tenancy.domain.UserRepository;

/**
 * Just-in-time provisioning. The inserts a first call needs run in {@link UserRecords}' own
 * transaction and are retried when a concurrent first call wins the race; the profile and last-seen
 * updates then run on the caller's transaction, on rows that exist.
 */
@Stateless
public class DefaultUserProvisioningService implements UserProvisioningService {

  /** Each lost race means the rows exist now; a third loss would be a bug, not a race. */
  private static final int ATTEMPTS = 3;

  private final TenantRepository tenants;
  private final UserRepository users;
  private final UserRecords records;

  @Inject
  public DefaultUserProvisioningService(
      TenantRepository tenants, UserRepository users, UserRecords records) {
    this.tenants = tenants;
    this.users = users;
    this.records = records;
  }

  /** For the EJB container's proxy only. */
  protected DefaultUserProvisioningService() {
    this(null, null, null);
  }

  @Override
  public SignedInUser provision(CallerIdentity caller) {
    recordMissing(caller);
    Instant now = Instant.now();
    AppUser user =
        users
            .findBySubject(caller.subject())
            .orElseThrow(() -> new IllegalStateException("user not recorded: " + caller.subject()));
    user.updateProfile(caller.username(), caller.email(), UserRecords.displayNameOf(caller), now);

    List<Tenant> memberOf = new ArrayList<>();
    for (String alias : caller.organizations()) {
      Tenant tenant =
          tenants
              .findByAlias(alias)
              .orElseThrow(() -> new IllegalStateException("tenant not recorded: " + alias));
      users.findMembership(tenant, user).ifPresent(m -> m.seen(now));
      memberOf.add(tenant);
    }
    memberOf.sort(Comparator.comparing(Tenant::getAlias));
    boolean disabled =
        memberOf.stream().anyMatch(t -> !t.isEnabled())
            || users.tenantsOf(user).stream().anyMatch(t -> !t.isEnabled());
    return new SignedInUser(user, memberOf, disabled);
  }

  private void recordMissing(CallerIdentity caller) {
    for (int attempt = 1; records.missing(caller); attempt++) {
      try {
        records.addMissing(caller);
      } catch (ConcurrentSignIn e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
