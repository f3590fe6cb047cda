package org.wenjin.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ends the app session and the Keycloak session: the browser leaves for {@link SignOutServlet}
 * through {@link SigningOutServlet}'s page.
 */
@ApplicationScoped
public class SignOut {

  public void signOut(UI ui) {
    ui.getPage().setLocation(VaadinServletRequest.getCurrent().getContextPath() + "/signing-out");
  }
}
