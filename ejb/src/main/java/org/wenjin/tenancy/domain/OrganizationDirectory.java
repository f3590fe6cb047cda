package org.wenjin.tenancy.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.wenjin.persistence.tenancy.Tenant;

/**
 * The identity provider's view of tenants: Keycloak Organizations and their members. Tenants are
 * created, renamed and disabled there first, so the app and Keycloak never disagree.
 */
public interface OrganizationDirectory {

  List<Organization> all();

  Optional<Organization> find(String alias);

  void create(Organization organization);

  void update(Organization organization);

  void delete(String alias);

  List<Member> members(String alias);

  /**
   * Aliases of the organizations a user belongs to, sorted.
   *
   * @param userId the Keycloak user id (the token's {@code sub})
   */
  List<String> organizationsOf(String userId);

  /** Adds an existing Keycloak user (by username or e-mail) to the organization. */
  Member addMember(String alias, String usernameOrEmail);

  /**
   * Adds the one Keycloak user whose <em>verified</em> e-mail is exactly {@code email}.
   *
   * @return the member, or empty when no user has that verified address (nothing is added)
   */
  Optional<Member> addVerifiedEmailMember(String alias, String email);

  /** An organization as Keycloak holds it. */
  record Organization(String alias, String name, String emailDomain, boolean enabled) {

    /** The app's record of this organization, first seen now. */
    public Tenant newTenant(Instant createdAt) {
      Tenant tenant = new Tenant(alias, name, createdAt);
      tenant.setEmailDomain(emailDomain);
      tenant.setEnabled(enabled);
      return tenant;
    }
  }

  /** A member of an organization. */
  record Member(String username, String email, String displayName) {}
}
