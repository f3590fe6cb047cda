package org.wenjin.ui.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * {@code GET /signout}: ends the app session, then sends the browser to Keycloak's end-session
 * endpoint, which ends the SSO session and returns to the app's sign-in. A full page request of its
 * own, rather than work inside a Vaadin request: there the session was invalidated while the UI's
 * response (and its push connection) still used it, and now and then the user was signed in again.
 */
@WebServlet("/signout")
public class SignOutServlet extends HttpServlet {

  static final String CLIENT_ID = "wenjin-web";

  @Inject
  @ConfigProperty(name = "wenjin.oidc.provider-url")
  String providerUrl;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
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
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.setHeader("Cache-Control", "no-store");
    response.sendRedirect(
        KeycloakLogout.endSessionUri(providerUrl, CLIENT_ID, idToken, appRoot).toString());
  }
}
