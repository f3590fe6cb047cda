package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The REST API with Keycloak bearer tokens, obtained the documented way: a password grant on the
 * public client {@code wenjin-cli}.
 */
class ApiIT {

  static String tokenFor(String username) throws Exception {
    return Stack.API.passwordToken(username, Stack.demoPassword(username));
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return send("GET", path, token, null);
  }

  /** One API call; {@code token} and {@code body} (JSON) may be null. */
  static HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return Stack.API.send(method, path, token, body);
  }

  @Test
  void withoutATokenTheApiAnswers401WithAJsonError() throws Exception {
    HttpResponse<String> response = get("/api/me", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"error\":\"unauthorized\"");
  }

  @Test
  void withABadTokenTheApiAnswers401() throws Exception {
    HttpResponse<String> response = get("/api/me", "not.a.token");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"error\":\"unauthorized\"");
  }

  @Test
  void aUserSeesTheirOwnSession() throws Exception {
    HttpResponse<String> response = get("/api/me", tokenFor("bob"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"username\":\"bob\"")
        .contains("\"alias\":\"globex\"")
        .contains("\"access\":\"GRANTED\"");
  }

  @Test
  void aWrongRoleGets403WithAJsonError() throws Exception {
    HttpResponse<String> response = get("/api/tenants", tokenFor("bob"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
    assertThat(response.body()).contains("\"error\":\"forbidden\"");
  }

  @Test
  void aPlatformAdminListsTenants() throws Exception {
    HttpResponse<String> response = get("/api/tenants", tokenFor("root"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"alias\":\"acme\"").contains("\"alias\":\"globex\"");
  }

  @Test
  void prometheusScrapesThePoolGaugesWithAServiceAccountToken() throws Exception {
    // what a Prometheus job with oauth2 (client credentials) does, docs/operations.md
    String monitoring =
        Stack.API.clientToken("wenjin-metrics", Stack.secret("WENJIN_METRICS_CLIENT_SECRET"));

    HttpResponse<String> scrape = get("/api/metrics", monitoring);

    assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(scrape.body())
        .contains("# TYPE wenjin_inference_queued gauge")
        .contains("wenjin_inference_slots{model=\"extractive\"} 4")
        .contains("wenjin_inference_active{model=\"extractive\"} ");
    assertThat(get("/api/metrics", tokenFor("bob")).statusCode()).isEqualTo(403);
    assertThat(get("/api/tenants", monitoring).statusCode())
        .as("the metrics account manages nothing")
        .isEqualTo(403);
  }
}
