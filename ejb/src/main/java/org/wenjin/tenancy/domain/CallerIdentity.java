package org.wenjin.tenancy.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as the identity provider vouched for it in the (already verified) token. Built on
 * the server from the security context, never from anything the client sends.
 *
 * @param subject the token's {@code sub}, stable for the life of the Keycloak user
 * @param organizations aliases of the Keycloak Organizations the user belongs to (the tenants)
 */
public record CallerIdentity(
    String subject,
    String username,
    String displayName,
    String email,
    List<String> organizations,
    Set<String> roles,
    List<String> groups) {

  public CallerIdentity {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(username, "username");
    organizations = List.copyOf(organizations);
    roles = Set.copyOf(roles);
    groups = List.copyOf(groups);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** The same caller with the organizations the identity provider lists for them. */
  public CallerIdentity withOrganizations(List<String> organizations) {
    return new CallerIdentity(subject, username, displayName, email, organizations, roles, groups);
  }
}
