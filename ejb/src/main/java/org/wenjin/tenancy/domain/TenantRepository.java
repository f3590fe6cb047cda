package org.wenjin.tenancy.domain;

import java.util.List;
import java.util.Optional;
import org.wenjin.persistence.tenancy.Tenant;

/** Tenants the application knows, by their Keycloak Organization alias. */
public interface TenantRepository {

  Optional<Tenant> findByAlias(String alias);

  Optional<Tenant> findById(long id);

  Tenant add(Tenant tenant);

  /** All tenants, by alias. */
  List<Tenant> all();
}
