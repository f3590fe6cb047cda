package org.wenjin.tenancy.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.wenjin.persistence.tenancy.AppUser;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.persistence.tenancy.TenantMembership;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.domain.IdentityProviderException;
import org.wenjin.tenancy.domain.OrganizationDirectory;
import org.wenjin.tenancy.domain.OrganizationDirectory.Organization;
import org.wenjin.tenancy.domain.TenantRepository;
import org.wenjin.tenancy.domain.UserRepository;

/**
 * Inserts the rows a caller's first call needs (their user, a tenant first seen in a token, a
 * membership) in a transaction of its own. A script's first requests often arrive together: all of
 * them find no row and insert one, and all but one hit a unique key. Committing the inserts
 * separately lets the losers see {@link ConcurrentSignIn}, read the winner's rows and go on,
 * instead of failing the request (see {@link DefaultUserProvisioningService}).
 */
@Stateless
public class UserRecords {

  private final TenantRepository tenants;
  private final UserRepository users;
  private final OrganizationDirectory directory;

  @Inject
  public UserRecords(
      TenantRepository tenants, UserRepository users, OrganizationDirectory directory) {
    this.tenants = tenants;
    this.users = users;
    this.directory = directory;
  }

  /** For the EJB container's proxy only. */
  protected UserRecords() {
    this(null, null, null);
  }

  /** Whether a row the caller needs does not exist yet. */
  public boolean missing(CallerIdentity caller) {
    Optional<AppUser> user = users.findBySubject(caller.subject());
    if (user.isEmpty()) {
      return true;
    }
    for (String alias : caller.organizations()) {
      Optional<Tenant> tenant = tenants.findByAlias(alias);
      if (tenant.isEmpty() || users.findMembership(tenant.get(), user.get()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds whichever of the caller's user, tenants and memberships do not exist yet, and commits.
   *
   * @throws ConcurrentSignIn when another request inserted one of them first
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void addMissing(CallerIdentity caller) {
    try {
      insertMissing(caller, Instant.now());
      users.flush(); // the unique keys answer here, inside this bean, not at the container's commit
    } catch (PersistenceException e) {
      // identity ids make persist() itself insert, so the violation may come from any insert
      if (isUniqueViolation(e)) {
        throw new ConcurrentSignIn(e);
      }
      throw e;
    }
  }

  private void insertMissing(CallerIdentity caller, Instant now) {
    AppUser user =
        users
            .findBySubject(caller.subject())
            .orElseGet(
                () ->
                    users.add(
                        new AppUser(
                            caller.subject(),
                            caller.username(),
                            caller.email(),
                            displayNameOf(caller),
                            now)));
    for (String alias : caller.organizations()) {
      Tenant tenant =
          tenants.findByAlias(alias).orElseGet(() -> tenants.add(newTenant(alias, now)));
      if (users.findMembership(tenant, user).isEmpty()) {
        users.addMembership(new TenantMembership(tenant, user, now));
      }
    }
  }

  static String displayNameOf(CallerIdentity caller) {
    String name = caller.displayName();
    return name == null || name.isBlank() ? caller.username() : name.strip();
  }

  /**
   * A tenant first seen in a token (its organization exists in Keycloak) is recorded with
   * Keycloak's name for it, or under its alias while Keycloak's admin API cannot be reached.
   */
  private Tenant newTenant(String alias, Instant now) {
    Optional<Organization> org;
    try {
      org = directory.find(alias);
    } catch (IdentityProviderException e) {
      org = Optional.empty();
    }
    return org.map(o -> o.newTenant(now)).orElseGet(() -> new Tenant(alias, alias, now));
  }

  /** SQLState class 23 (integrity constraint violation), the same on H2 and PostgreSQL. */
  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
