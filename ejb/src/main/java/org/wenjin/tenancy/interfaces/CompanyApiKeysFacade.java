package org.wenjin.tenancy.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.ApiKeyService;
import org.wenjin.tenancy.application.CallerScope;

/** A tenant admin's view of every API key in their company, to revoke one that leaked. */
@Stateless
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.TENANT_ADMIN)
@Interceptors(TenantScoped.class)
public class CompanyApiKeysFacade {

  @Inject private ApiKeyService keys;

  public List<ApiKeyDto> keys() {
    return keys.company(CallerScope.current());
  }

  public void revoke(long keyId) {
    keys.revokeInCompany(CallerScope.current(), keyId);
  }
}
