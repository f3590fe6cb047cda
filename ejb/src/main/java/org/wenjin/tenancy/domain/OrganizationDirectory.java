package org.wenjin.tenancy.domain;

import java.util.List;
import java.util.Optional;

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

  /** Adds an existing Keycloak user (by username or e-mail) to the organization. */
  Member addMember(String alias, String usernameOrEmail);

  /** An organization as Keycloak holds it. */
  record Organization(String alias, String name, String emailDomain, boolean enabled) {}

  /** A member of an organization. */
  record Member(String username, String email, String displayName) {}
}
