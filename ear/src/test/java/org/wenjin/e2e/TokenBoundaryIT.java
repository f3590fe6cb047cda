package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * What the API accepts as proof of who calls: only a bearer token Keycloak's realm {@code wenjin}
 * signed for Wenjin's API (audience {@code wenjin-web}), unexpired and unaltered, in the {@code
 * Authorization} header. Tokens of other clients, of other issuers, in the query string, and the
 * browser's session cookie alone are all refused.
 */
class TokenBoundaryIT {

  private static final String API_AUDIENCE = "wenjin-web";
  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
  private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");
  private static final Pattern EXP = Pattern.compile("\"exp\":(\\d+)");

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  // --- tokens ---------------------------------------------------------------------------------

  @Test
  void theCliTokenCarriesTheApiAudienceAndIsAccepted() throws Exception {
    String alice = ApiIT.tokenFor("alice");

    assertThat(claims(alice))
        .contains("\"" + API_AUDIENCE + "\"")
        .contains("\"azp\":\"wenjin-cli\"");
    assertThat(me(alice).statusCode()).isEqualTo(200);
  }

  @Test
  void aTokenKeycloakIssuedToAnotherClientIs401() throws Exception {
    // the server's own service account: a valid token of this realm, but not for the API
    String admin =
        Stack.API.clientToken("wenjin-admin", Stack.secret("WENJIN_ADMIN_CLIENT_SECRET"));
    assertThat(claims(admin)).doesNotContain("\"" + API_AUDIENCE + "\"");

    HttpResponse<String> response = me(admin);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.body()).contains("\"error\":\"unauthorized\"");
  }

  @Test
  void theMetricsAccountHasTheAudienceDeliberatelyAndReachesOnlyTheMetrics() throws Exception {
    String monitoring =
        Stack.API.clientToken("wenjin-metrics", Stack.secret("WENJIN_METRICS_CLIENT_SECRET"));

    assertThat(claims(monitoring)).contains("\"" + API_AUDIENCE + "\"");
    assertThat(Stack.API.get("/api/metrics", monitoring).statusCode()).isEqualTo(200);
    assertThat(Stack.API.get("/api/tenants", monitoring).statusCode()).isEqualTo(403);
  }

  @Test
  void aTokenInTheQueryStringIs401() throws Exception {
    String alice = ApiIT.tokenFor("alice");

    // the OIDC mechanism ignores ?access_token= (it would end up in access logs and Referer
    // headers), and without an Authorization header the API refuses the request anyway
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        Stack.APP_URL
                            + "/api/me?access_token="
                            + URLEncoder.encode(alice, StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
  }

  @Test
  void aTamperedTokenIs401() throws Exception {
    String alice = ApiIT.tokenFor("alice");
    assertThat(me(alice).statusCode()).isEqualTo(200);

    String promoted =
        withClaims(
            alice,
            claims(alice)
                .replace("\"preferred_username\":\"alice\"", "\"preferred_username\":\"root\""));
    assertThat(promoted).isNotEqualTo(alice);
    assertThat(me(promoted).statusCode()).as("claims changed, signature kept").isEqualTo(401);

    String[] parts = alice.split("\\.");
    char[] signature = parts[2].toCharArray();
    int middle = signature.length / 2; // not the last character: its low bits may be padding
    signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
    String forged = parts[0] + "." + parts[1] + "." + new String(signature);
    assertThat(me(forged).statusCode()).as("signature changed").isEqualTo(401);
  }

  @Test
  void aTokenOfAnotherIssuerIs401() throws Exception {
    // a token that Keycloak really signed, for its master realm: another issuer and another key
    HttpResponse<String> master = KeycloakAdmin.masterTokenResponse();
    assertThat(master.statusCode()).as(master.body()).isEqualTo(200);
    String foreign = group(ACCESS_TOKEN, master.body());
    assertThat(claims(foreign)).contains("/realms/master\"");
    assertThat(me(foreign).statusCode()).as("a token of the master realm").isEqualTo(401);

    // the realm's own token with another issuer written in (its signature no longer fits either)
    String alice = ApiIT.tokenFor("alice");
    String reissued =
        withClaims(alice, claims(alice).replace("/realms/wenjin\"", "/realms/master\""));
    assertThat(reissued).isNotEqualTo(alice);
    assertThat(me(reissued).statusCode()).as("iss rewritten").isEqualTo(401);
  }

  /**
   * A real expiry, not a simulated one: the realm's tokens live five minutes, so the test registers
   * a client whose tokens live two seconds (and carry the API's audience, like the CLI's), checks
   * that a fresh one is accepted, waits until it has expired, and sees it refused.
   */
  @Test
  void anExpiredTokenIs401() throws Exception {
    String admin = group(ACCESS_TOKEN, KeycloakAdmin.masterTokenResponse().body());
    String clientId = "wenjin-it-short-lived";
    deleteClient(admin, clientId); // left over by an aborted run
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(Stack.KEYCLOAK_URL + "/admin/realms/wenjin/clients"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(shortLivedClient(clientId)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    try {
      Map<String, String> grant = new LinkedHashMap<>();
      grant.put("grant_type", "password");
      grant.put("client_id", clientId);
      grant.put("scope", "openid");
      grant.put("username", "alice");
      grant.put("password", Stack.demoPassword("alice"));
      HttpResponse<String> issued = Stack.API.tokenResponse("wenjin", grant);
      assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
      String token = group(ACCESS_TOKEN, issued.body());
      long exp = Long.parseLong(group(EXP, claims(token)));
      assertThat(me(token).statusCode()).as("while it is valid").isEqualTo(200);

      long wait = (exp + 2) * 1000 - System.currentTimeMillis();
      Thread.sleep(Math.max(0, wait));

      HttpResponse<String> late = me(token);
      assertThat(late.statusCode()).as("expired: " + late.body()).isEqualTo(401);
    } finally {
      deleteClient(group(ACCESS_TOKEN, KeycloakAdmin.masterTokenResponse().body()), clientId);
    }
  }

  @Test
  void theCliClientGetsNoOfflineToken() throws Exception {
    Map<String, String> grant = new LinkedHashMap<>();
    grant.put("grant_type", "password");
    grant.put("client_id", "wenjin-cli");
    grant.put("scope", "openid offline_access");
    grant.put("username", "alice");
    grant.put("password", Stack.demoPassword("alice"));

    HttpResponse<String> response = Stack.API.tokenResponse("wenjin", grant);

    if (response.statusCode() == 200) {
      // Keycloak may drop the scope instead of refusing it: then no offline token either
      Matcher refresh = REFRESH_TOKEN.matcher(response.body());
      if (refresh.find()) {
        assertThat(claims(refresh.group(1))).doesNotContain("\"typ\":\"Offline\"");
      }
      assertThat(response.body()).doesNotContain("offline_access");
    } else {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(response.body()).contains("invalid_scope");
    }
  }

  // --- the browser's session ------------------------------------------------------------------

  /**
   * What a page on another site could make a signed-in browser send (CSRF): the session cookie and
   * nothing else. The API refuses it, though the same cookie opens the UI; with the bearer token,
   * the same request reaches the API.
   */
  @Test
  void theBrowserSessionCookieAloneDoesNotReachTheApi() throws Exception {
    String session;
    try (Browser browser = new Browser()) {
      browser.open("/");
      browser.signIn("carol", Stack.demoPassword("carol"));
      browser.await(By.id("user-name"));
      Cookie cookie = browser.driver.manage().getCookieNamed("JSESSIONID");
      assertThat(cookie).as("the app's session cookie").isNotNull();
      session = cookie.getName() + "=" + cookie.getValue();

      HttpResponse<String> ui =
          http.send(
              HttpRequest.newBuilder(URI.create(Stack.APP_URL + "/"))
                  .header("Cookie", session)
                  .header("Accept", "text/html")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ui.statusCode()).as("the cookie is a live session of the UI").isEqualTo(200);

      HttpResponse<String> me = withCookie(session, null, "GET", "/api/me", null, null);
      assertThat(me.statusCode()).as(me.body()).isEqualTo(401);
      assertThat(me.body()).contains("\"error\":\"unauthorized\"");

      String fileName = "csrf-probe-" + System.nanoTime() + ".txt";
      String boundary = "wenjin-csrf";
      String multipart =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
              + fileName
              + "\"\r\nContent-Type: text/plain\r\n\r\nplanted by another site\r\n--"
              + boundary
              + "--\r\n";
      HttpResponse<String> upload =
          withCookie(
              session,
              null,
              "POST",
              "/api/documents",
              "multipart/form-data; boundary=" + boundary,
              multipart);
      assertThat(upload.statusCode()).as(upload.body()).isEqualTo(401);
      String carol = ApiIT.tokenFor("carol");
      assertThat(Stack.API.get("/api/documents", carol).body())
          .as("nothing was stored")
          .doesNotContain(fileName);

      String stop = "/api/turns/" + Long.MAX_VALUE + "/stop";
      assertThat(withCookie(session, null, "POST", stop, null, null).statusCode())
          .as("cookie only")
          .isEqualTo(401);
      assertThat(withCookie(session, carol, "POST", stop, null, null).statusCode())
          .as("with the bearer token the call reaches the API (and finds no such answer)")
          .isEqualTo(404);
      assertThat(withCookie(session, carol, "GET", "/api/me", null, null).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void readinessStaysOpenToEveryone() throws Exception {
    HttpResponse<String> ready =
        http.send(
            HttpRequest.newBuilder(URI.create(Stack.APP_URL + "/api/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
  }

  // --- helpers --------------------------------------------------------------------------------

  private static HttpResponse<String> me(String token) throws Exception {
    return Stack.API.get("/api/me", token);
  }

  private HttpResponse<String> withCookie(
      String cookie, String token, String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Stack.APP_URL + path))
            .header("Cookie", cookie)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void deleteClient(String admin, String clientId) throws Exception {
    HttpResponse<String> found =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        Stack.KEYCLOAK_URL
                            + "/admin/realms/wenjin/clients?clientId="
                            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + admin)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(found.body());
    while (id.find()) {
      http.send(
          HttpRequest.newBuilder(
                  URI.create(Stack.KEYCLOAK_URL + "/admin/realms/wenjin/clients/" + id.group(1)))
              .header("Authorization", "Bearer " + admin)
              .DELETE()
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }

  private static String shortLivedClient(String clientId) {
    return """
        {"clientId": "%s", "name": "TokenBoundaryIT: access tokens that live 2 s",
         "enabled": true, "protocol": "openid-connect", "publicClient": true,
         "standardFlowEnabled": false, "directAccessGrantsEnabled": true,
         "attributes": {"access.token.lifespan": "2"},
         "defaultClientScopes": ["web-origins", "acr", "profile", "roles", "basic", "email",
                                 "organization"],
         "optionalClientScopes": [],
         "protocolMappers": [{"name": "wenjin-api-audience", "protocol": "openid-connect",
           "protocolMapper": "oidc-audience-mapper",
           "config": {"included.client.audience": "%s", "access.token.claim": "true",
                      "id.token.claim": "false"}}]}
        """
        .formatted(clientId, API_AUDIENCE);
  }

  /** The JSON payload of a JWT (decoded, not verified). */
  private static String claims(String jwt) {
    return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  /** The same JWT (header and signature kept) with another payload. */
  private static String withClaims(String jwt, String claims) {
    String[] parts = jwt.split("\\.");
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as(pattern + " in " + text).isTrue();
    return m.group(1);
  }
}
