package org.wenjin.tenancy.domain;

import java.util.List;
import java.util.Optional;
import org.wenjin.persistence.tenancy.AppUser;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.persistence.tenancy.TenantMembership;

/** Users the application has seen, and their tenant memberships. */
public interface UserRepository {

  Optional<AppUser> findBySubject(String subject);

  Optional<AppUser> findById(long id);

  AppUser add(AppUser user);

  Optional<TenantMembership> findMembership(Tenant tenant, AppUser user);

  TenantMembership addMembership(TenantMembership membership);

  /** Writes pending inserts now, so a unique-key violation surfaces to the caller. */
  void flush();

  /** Every tenant the user has ever signed in to. */
  List<Tenant> tenantsOf(AppUser user);
}
