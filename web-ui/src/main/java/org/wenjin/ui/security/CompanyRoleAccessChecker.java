package org.wenjin.ui.security;

import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationContext;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Arrays;
import org.wenjin.security.CompanyRole;
import org.wenjin.tenancy.interfaces.SessionDto;
import org.wenjin.ui.session.CurrentUser;

/**
 * Enforces a view's {@link CompanyRole} against the user's roles in the company they act for (the
 * session's), next to Vaadin's own {@code @RolesAllowed} check of the realm roles. Neutral for
 * views without one, so the annotation check alone decides there.
 */
class CompanyRoleAccessChecker implements NavigationAccessChecker {

  @Override
  public AccessCheckResult check(NavigationContext context) {
    CompanyRole required = context.getNavigationTarget().getAnnotation(CompanyRole.class);
    if (required == null || context.isErrorHandling()) {
      return context.neutral();
    }
    // looked up per check: the checker is shared by every UI and must stay serializable
    SessionDto session = CDI.current().select(CurrentUser.class).get().get();
    return allows(required, session)
        ? context.allow()
        : context.deny("needs " + String.join(" or ", required.value()) + " in this company");
  }

  static boolean allows(CompanyRole required, SessionDto session) {
    return Arrays.stream(required.value()).anyMatch(session::hasRole);
  }
}
