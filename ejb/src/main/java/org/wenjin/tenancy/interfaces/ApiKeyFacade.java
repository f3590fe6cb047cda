package org.wenjin.tenancy.interfaces;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.ApiKeyService;
import org.wenjin.tenancy.application.CallerScope;

/**
 * The caller's own API keys in the company they act for ({@code /api/me/api-keys}, the API keys
 * page). Only a signed-in user manages keys: a request made with a key cannot mint or revoke one.
 */
@Stateless
@RolesAllowed(Roles.USER)
@Interceptors(TenantScoped.class)
public class ApiKeyFacade {

  @Resource private SessionContext context;

  @Inject private ApiKeyService keys;

  /** Creates a key; its secret is in the answer and nowhere else, ever. */
  public CreatedApiKeyDto create(String name) {
    signedIn();
    return keys.create(CallerScope.current(), name);
  }

  public List<ApiKeyDto> mine() {
    signedIn();
    return keys.mine(CallerScope.current());
  }

  public void revoke(long keyId) {
    signedIn();
    keys.revokeMine(CallerScope.current(), keyId);
  }

  private void signedIn() {
    if (context.getCallerPrincipal() instanceof ApiKeyPrincipal) {
      throw new EJBAccessException("API keys are managed by their signed-in owner only.");
    }
  }
}
