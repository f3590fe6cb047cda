package org.wenjin.tenancy.interfaces;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.wenjin.tenancy.application.ApiKeyHolders;
import org.wenjin.tenancy.application.OrganizationMemberships;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.infrastructure.OidcCallerResolver;

/**
 * The caller of a facade, from the verified token with all their organizations, or from the API key
 * the request signed in with (one company, no company roles: {@link ApiKeyHolders}).
 */
@ApplicationScoped
public class Callers {

  @Inject private OrganizationMemberships memberships;

  @Inject private ApiKeyHolders keyHolders;

  public CallerIdentity current(SessionContext context) {
    if (context.getCallerPrincipal() instanceof ApiKeyPrincipal key) {
      // signed in by ApiKeySignIn on this request; its owner is looked up again (cached), so a
      // request that outlives the owner's membership acts for no company
      return keyHolders
          .caller(key.subject(), key.tenantAlias())
          .map(c -> c.viaApiKey(key.keyId()))
          .orElseThrow(
              () ->
                  new EJBAccessException(
                      "This API key's owner may no longer act for the company."));
    }
    return memberships.complete(
        OidcCallerResolver.resolve(context.getCallerPrincipal(), context::isCallerInRole));
  }
}
