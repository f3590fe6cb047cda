package org.wenjin.tenancy.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.domain.TenantRepository;
import org.wenjin.tenancy.domain.TenantRuleViolation;

/**
 * The one place that decides which tenant a caller acts for: an enabled tenant named in their
 * verified token (the first by alias, until the shell offers a switcher). Never a tenant id sent by
 * the client.
 */
@Stateless
public class TenantContext {

  @Inject private TenantRepository tenants;

  public Tenant activeTenant(CallerIdentity caller) {
    List<Tenant> named =
        caller.organizations().stream()
            .map(tenants::findByAlias)
            .flatMap(Optional::stream)
            .toList();
    return choose(named)
        .orElseThrow(() -> new TenantRuleViolation("You are not acting for any enabled company."));
  }

  /** The rule itself, shared with the session: the first enabled tenant by alias, if any. */
  public static Optional<Tenant> choose(List<Tenant> tenants) {
    return tenants.stream().filter(Tenant::isEnabled).min(Comparator.comparing(Tenant::getAlias));
  }
}
