package org.wenjin.tenancy.interfaces;

import jakarta.ejb.EJBAccessException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.wenjin.security.CompanyRole;
import org.wenjin.tenancy.application.ActingCaller;

/** Enforces {@link CompanyRole}: the method's annotation, else its class's. */
final class CompanyRoleCheck {

  private CompanyRoleCheck() {}

  static void require(Method method, ActingCaller caller) {
    Optional<CompanyRole> required = required(method);
    if (required.isPresent() && Arrays.stream(required.get().value()).noneMatch(caller::hasRole)) {
      throw new EJBAccessException(
          "This needs the role "
              + String.join(" or ", required.get().value())
              + " in "
              + caller.tenantName()
              + ".");
    }
  }

  static Optional<CompanyRole> required(Method method) {
    CompanyRole onMethod = method.getAnnotation(CompanyRole.class);
    return onMethod != null
        ? Optional.of(onMethod)
        : Optional.ofNullable(method.getDeclaringClass().getAnnotation(CompanyRole.class));
  }
}
