package org.wenjin.tenancy.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
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
    return caller.organizations().stream()
        .sorted()
        .map(tenants::findByAlias)
        .flatMap(java.util.Optional::stream)
        .filter(Tenant::isEnabled)
        .min(Comparator.comparing(Tenant::getAlias))
        .orElseThrow(() -> new TenantRuleViolation("You are not acting for any enabled company."));
  }
}
