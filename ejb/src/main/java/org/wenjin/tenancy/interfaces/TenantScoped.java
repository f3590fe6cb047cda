package org.wenjin.tenancy.interfaces;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.application.TenantContext;

/**
 * Interceptor of every facade that touches tenant-owned data
 * ({@code @Interceptors(TenantScoped.class)}, enforced by an architecture test): resolves the
 * caller and their tenant from the verified token and runs the call inside that {@link
 * CallerScope}, so Hibernate and every service see the same tenant, after checking the method's
 * {@link org.wenjin.security.CompanyRole} against the caller's roles in that tenant. The one place
 * where a request gets its tenant.
 */
public class TenantScoped {

  @Resource private SessionContext context;

  @Inject private TenantContext tenantContext;

  @Inject private Callers callers;

  @AroundInvoke
  public Object scope(InvocationContext invocation) throws Exception {
    var caller = tenantContext.act(callers.current(context));
    CompanyRoleCheck.require(invocation.getMethod(), caller);
    return CallerScope.call(caller, invocation::proceed);
  }
}
