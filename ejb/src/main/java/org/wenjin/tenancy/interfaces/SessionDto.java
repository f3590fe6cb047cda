package org.wenjin.tenancy.interfaces;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * What the UI shows about the signed-in user.
 *
 * @param activeTenant the tenant the user acts for, or {@code null} when they belong to none
 */
public record SessionDto(
    String username,
    String displayName,
    String email,
    TenantDto activeTenant,
    List<TenantDto> tenants,
    Set<String> roles)
    implements Serializable {

  public SessionDto {
    tenants = List.copyOf(tenants);
    roles = Set.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** A tenant as the UI names it. */
  public record TenantDto(String alias, String displayName) implements Serializable {}
}
