package org.wenjin.tenancy.interfaces;

import java.io.Serializable;
import java.time.Instant;
import org.wenjin.persistence.tenancy.Tenant;

/** A tenant as the platform admin's page lists it. */
public record TenantDto(
    String alias, String displayName, String emailDomain, boolean enabled, Instant createdAt)
    implements Serializable {

  static TenantDto of(Tenant tenant) {
    return new TenantDto(
        tenant.getAlias(),
        tenant.getDisplayName(),
        tenant.getEmailDomain(),
        tenant.isEnabled(),
        tenant.getCreatedAt());
  }
}
