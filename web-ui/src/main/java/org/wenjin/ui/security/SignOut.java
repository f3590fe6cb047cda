package org.wenjin.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wildfly.security.http.oidc.OidcPrincipal;

/** Ends the app session and the Keycloak session, then lands on Keycloak's sign-in page. */
@ApplicationScoped
public class SignOut {

  static final String CLIENT_ID = "wenjin-web";

  @Inject
  @ConfigProperty(name = "wenjin.oidc.provider-url")
  String providerUrl;

  public void signOut(UI ui) {
    HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
    String idToken =
        request.getUserPrincipal() instanceof OidcPrincipal<?> oidc
            ? oidc.getOidcSecurityContext().getIDTokenString()
            : null;
    URI appRoot =
        URI.create(
            request.getScheme()
                + "://"
                + request.getServerName()
                + ":"
                + request.getServerPort()
                + request.getContextPath()
                + "/");
    ui.getPage()
        .setLocation(KeycloakLogout.endSessionUri(providerUrl, CLIENT_ID, idToken, appRoot));
    VaadinSession.getCurrent().getSession().invalidate();
  }
}
