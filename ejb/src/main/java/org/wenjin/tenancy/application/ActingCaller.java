package org.wenjin.tenancy.application;

import java.util.List;
import java.util.Set;

/**
 * The caller of the current request as every tenant-scoped service sees it: the user, the tenant
 * they act for (chosen by {@link TenantContext}), and their company roles and document groups
 * <em>in that tenant</em>. Resolved on the server from the verified token; never from client input.
 *
 * @param roles company roles held in this tenant ({@code tenant-admin}, {@code auditor})
 * @param groups document groups the user is in, in this tenant
 * @param apiKeyId the personal API key the request signed in with (its audit records name it); null
 *     for a token
 */
public record ActingCaller(
    long tenantId,
    String tenantName,
    long userId,
    String username,
    Set<String> roles,
    List<String> groups,
    Long apiKeyId) {

  public ActingCaller(
      long tenantId,
      String tenantName,
      long userId,
      String username,
      Set<String> roles,
      List<String> groups) {
    this(tenantId, tenantName, userId, username, roles, groups, null);
  }

  public ActingCaller {
    roles = Set.copyOf(roles);
    groups = List.copyOf(groups);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
