package org.wenjin.tenancy.infrastructure;

import jakarta.ejb.EJBAccessException;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.domain.CallerIdentities;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Turns the container's caller principal (set by WildFly's elytron-oidc-client after it verified
 * the Keycloak token) into a {@link CallerIdentity}. The one place that knows the principal's type.
 */
public final class OidcCallerResolver {

  private OidcCallerResolver() {}

  public static CallerIdentity resolve(Principal principal, Predicate<String> isCallerInRole) {
    if (!(principal instanceof OidcPrincipal<?> oidc)
        || oidc.getOidcSecurityContext() == null
        || oidc.getOidcSecurityContext().getToken() == null) {
      throw new EJBAccessException("caller is not signed in through Keycloak");
    }
    AccessToken token = oidc.getOidcSecurityContext().getToken();
    Map<String, Object> claims = new HashMap<>();
    for (String name : token.getClaimNames()) {
      claims.put(name, token.getClaimValue(name));
    }
    Set<String> roles =
        Roles.REALM.stream().filter(isCallerInRole).collect(Collectors.toUnmodifiableSet());
    return CallerIdentities.fromClaims(claims, roles);
  }
}
