package org.wenjin.it;

import java.util.List;
import java.util.Set;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.SignedInUser;
import org.wenjin.tenancy.application.UserProvisioningService;
import org.wenjin.tenancy.domain.CallerIdentity;

/**
 * A signed-in user of a company an Arquillian test makes up, as the tenant interceptor sees them.
 */
public final class TestCallers {

  private TestCallers() {}

  /** Provisions {@code subject} as a member of {@code tenantAlias} with these company roles. */
  public static ActingCaller member(
      UserProvisioningService provisioning, String subject, String tenantAlias, String... roles) {
    SignedInUser user =
        provisioning.provision(
            new CallerIdentity(
                subject,
                subject,
                subject,
                subject + "@example.com",
                List.of(tenantAlias),
                Set.of(Roles.USER),
                List.of()));
    Tenant tenant = user.tenants().get(0);
    return new ActingCaller(
        tenant.getId(),
        tenant.getDisplayName(),
        user.user().getId(),
        subject,
        Set.of(roles),
        List.of());
  }
}
