package org.wenjin.tenancy.application;

import java.util.List;
import org.wenjin.persistence.tenancy.AppUser;
import org.wenjin.persistence.tenancy.Tenant;

/** The provisioned user and the tenants they are a member of, ordered by alias. */
public record SignedInUser(AppUser user, List<Tenant> tenants) {

  public SignedInUser {
    tenants = List.copyOf(tenants);
  }
}
