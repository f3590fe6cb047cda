package org.wenjin.tenancy.interfaces;

import jakarta.ejb.SessionContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.wenjin.tenancy.application.OrganizationMemberships;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.infrastructure.OidcCallerResolver;

/** The caller of a facade, from the verified token, with all their organizations. */
@ApplicationScoped
public class Callers {

  @Inject private OrganizationMemberships memberships;

  public CallerIdentity current(SessionContext context) {
    return memberships.complete(
        OidcCallerResolver.resolve(context.getCallerPrincipal(), context::isCallerInRole));
  }
}
