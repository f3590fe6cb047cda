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
 * @param apiKeyId the personal API key the request signed in with; null for a token
 */
public record CallerIdentity(
    String subject,
    String username,
    String displayName,
    String email,
    List<String> organizations,
    Set<String> roles,
    List<String> groups,
    Long apiKeyId) {

  public CallerIdentity(
      String subject,
      String username,
      String displayName,
      String email,
      List<String> organizations,
      Set<String> roles,
      List<String> groups) {
    this(subject, username, displayName, email, organizations, roles, groups, null);
  }

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
    return new CallerIdentity(
        subject, username, displayName, email, organizations, roles, groups, apiKeyId);
  }

  /** The same caller, signed in with the API key {@code keyId}. */
  public CallerIdentity viaApiKey(long keyId) {
    return new CallerIdentity(
        subject, username, displayName, email, organizations, roles, groups, keyId);
  }
}
