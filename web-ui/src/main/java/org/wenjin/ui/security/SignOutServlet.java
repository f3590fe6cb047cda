package org.wenjin.ui.security;

import com.vaadin.flow.server.VaadinSession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenjin.ui.i18n.Language;
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
                + "/"
                + signInLanguage(request.getSession(false)));
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.setHeader("Cache-Control", "no-store");
    response.sendRedirect(
        KeycloakLogout.endSessionUri(providerUrl, CLIENT_ID, idToken, appRoot).toString());
  }

  /**
   * The next sign-in page in the language the app spoke: the OIDC client passes an {@code
   * ui_locales} query parameter of the app's URL on to Keycloak.
   */
  private static String signInLanguage(HttpSession session) {
    Locale locale = spoken(session);
    return locale == null ? "" : "?ui_locales=" + Language.of(locale).tag();
  }

  /** The language of the session's Vaadin UI; null without one. */
  static Locale spoken(HttpSession session) {
    if (session == null) {
      return null;
    }
    for (String name : Collections.list(session.getAttributeNames())) {
      if (session.getAttribute(name) instanceof VaadinSession vaadin) {
        vaadin.lock();
        try {
          return vaadin.getLocale();
        } finally {
          vaadin.unlock();
        }
      }
    }
    return null;
  }
}
