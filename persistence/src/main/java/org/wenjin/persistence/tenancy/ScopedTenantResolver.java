package org.wenjin.persistence.tenancy;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate the tenant of each new persistence context. Outside any {@link TenantScope} it
 * answers {@link #NO_TENANT}: queries of tenant-owned entities then match nothing and inserts fail
 * on the foreign key, so forgetting the scope denies instead of leaking.
 */
public class ScopedTenantResolver implements CurrentTenantIdentifierResolver<Long> {

  /** No tenant row has this id. */
  public static final long NO_TENANT = -1L;

  @Override
  public Long resolveCurrentTenantIdentifier() {
    return TenantScope.current().orElse(NO_TENANT);
  }

  @Override
  public boolean validateExistingCurrentSessions() {
    // container-managed contexts are per transaction; a scope change inside one is a bug
    return true;
  }
}
