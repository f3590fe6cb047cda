package org.wenjin.ui.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.event.Observes;

/**
 * Installs Vaadin's navigation access control, so a view's {@code @RolesAllowed} is enforced on
 * every navigation (typing a URL included), not only by hiding menu entries. Views and layouts
 * without an access annotation are denied.
 */
public class ViewAccessSetup {

  void install(@Observes ServiceInitEvent event) {
    NavigationAccessControl accessControl = new NavigationAccessControl();
    event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(accessControl));
  }
}
