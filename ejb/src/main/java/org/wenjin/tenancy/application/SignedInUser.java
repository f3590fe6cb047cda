package org.wenjin.tenancy.application;

import java.util.List;
import org.wenjin.persistence.tenancy.AppUser;
import org.wenjin.persistence.tenancy.Tenant;

/**
 * The provisioned user and the tenants their token names, ordered by alias.
 *
 * @param memberOfDisabledTenant whether the user belongs (by token or by an earlier sign-in) to a
 *     tenant that is disabled now; Keycloak may leave a disabled organization out of the token
 */
public record SignedInUser(AppUser user, List<Tenant> tenants, boolean memberOfDisabledTenant) {

  public SignedInUser {
    tenants = List.copyOf(tenants);
  }

  public List<Tenant> enabledTenants() {
    return tenants.stream().filter(Tenant::isEnabled).toList();
  }
}
