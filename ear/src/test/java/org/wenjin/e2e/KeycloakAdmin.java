package org.wenjin.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keycloak's admin API as the stack's bootstrap admin, for what only Keycloak can tell. */
final class KeycloakAdmin {

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private KeycloakAdmin() {}

  /** The bootstrap admin's token from the master realm (admin-cli, password grant). */
  static HttpResponse<String> masterTokenResponse() throws Exception {
    Map<String, String> grant = new LinkedHashMap<>();
    grant.put("grant_type", "password");
    grant.put("client_id", "admin-cli");
    grant.put("username", "admin");
    grant.put("password", Stack.secret("WENJIN_KEYCLOAK_ADMIN_PASSWORD"));
    return Stack.API.tokenResponse("master", grant);
  }

  /** The realm's user with exactly this username, as the admin API's JSON representation. */
  static String user(String username) throws Exception {
    HttpResponse<String> token = masterTokenResponse();
    Matcher access = ACCESS_TOKEN.matcher(token.body());
    if (token.statusCode() != 200 || !access.find()) {
      throw new IllegalStateException("no admin token: " + token.body());
    }
    HttpResponse<String> found =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        Stack.KEYCLOAK_URL
                            + "/admin/realms/wenjin/users?exact=true&username="
                            + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + access.group(1))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (found.statusCode() != 200) {
      throw new IllegalStateException("user lookup " + found.statusCode() + ": " + found.body());
    }
    return found.body();
  }
}
