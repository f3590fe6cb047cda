package org.wenjin.tenancy.interfaces;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * What the UI shows about the signed-in user.
 *
 * @param activeTenant the tenant the user acts for, or {@code null} when they belong to none
 * @param access whether the user may use the app, and if not, why
 * @param language the language the user chose for the app ({@code en}, {@code zh-CN}), or {@code
 *     null} when they have not chosen one (their browser's then)
 */
public record SessionDto(
    String username,
    String displayName,
    String email,
    TenantDto activeTenant,
    List<TenantDto> tenants,
    Set<String> roles,
    Access access,
    String language)
    implements Serializable {

  /** Whether the signed-in user may use the app. */
  public enum Access {
    GRANTED,
    /** Signed in, but in no company and without a platform role. */
    NO_COMPANY,
    /** Their company (tenant) has been disabled by a platform admin. */
    COMPANY_DISABLED
  }

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
