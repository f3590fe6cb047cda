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

  /**
   * The user's account as Keycloak holds it now, for a caller who brings no token (an API key):
   * whether it is enabled, its organizations, its full group paths and its effective realm roles.
   *
   * @return empty when the user no longer exists
   */
  Optional<Account> account(String userId);

  /**
   * Stores the user's language where the identity provider's own pages read it (Keycloak: the
   * {@code locale} attribute), so its account pages, required actions and e-mails follow the app.
   *
   * @param languageTag {@code en} or {@code zh-CN}
   */
  void chooseLocale(String userId, String languageTag);

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

  /** A user's account: what a token would have said about them, read from the admin API. */
  record Account(
      String username,
      String email,
      String displayName,
      boolean enabled,
      List<String> organizations,
      List<String> groupPaths,
      List<String> realmRoles) {

    public Account {
      organizations = List.copyOf(organizations);
      groupPaths = List.copyOf(groupPaths);
      realmRoles = List.copyOf(realmRoles);
    }
  }

  /** A member of an organization. */
  record Member(String username, String email, String displayName) {}
}
