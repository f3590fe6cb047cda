package org.wenjin.ui.security;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * RP-initiated logout (OpenID Connect): the browser goes to Keycloak's end-session endpoint, which
 * ends the SSO session and sends the user back to the app, where sign-in starts again.
 */
public final class KeycloakLogout {

  private KeycloakLogout() {}

  /**
   * @param providerUrl the realm URL, e.g. {@code http://127.0.0.1:8180/realms/wenjin}
   * @param idToken the ID token of the session; lets Keycloak log out without asking
   * @param returnTo where Keycloak sends the browser afterwards (registered in the client)
   */
  public static URI endSessionUri(
      String providerUrl, String clientId, String idToken, URI returnTo) {
    Objects.requireNonNull(providerUrl, "providerUrl");
    String base = providerUrl.endsWith("/") ? providerUrl : providerUrl + "/";
    StringBuilder uri =
        new StringBuilder(base)
            .append("protocol/openid-connect/logout?client_id=")
            .append(encode(clientId))
            .append("&post_logout_redirect_uri=")
            .append(encode(returnTo.toString()));
    if (idToken != null && !idToken.isBlank()) {
      uri.append("&id_token_hint=").append(encode(idToken));
    }
    return URI.create(uri.toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
