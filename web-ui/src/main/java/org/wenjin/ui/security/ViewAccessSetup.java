package org.wenjin.ui.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.AnnotatedViewAccessChecker;
import com.vaadin.flow.server.auth.DefaultAccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Installs navigation access control, so a view's {@code @RolesAllowed} (realm roles) and
 * {@code @CompanyRole} (roles in the company acted for) are enforced on every navigation (typing a
 * URL included), not only by hiding menu entries. Views and layouts without an access annotation
 * are denied; either check denying denies.
 */
public class ViewAccessSetup {

  void install(@Observes ServiceInitEvent event) {
    NavigationAccessControl accessControl =
        new NavigationAccessControl(
            List.of(new AnnotatedViewAccessChecker(), new CompanyRoleAccessChecker()),
            new DefaultAccessCheckDecisionResolver());
    event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(accessControl));
  }
}
