package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ReadinessIT {

  @Test
  void reportsDatabaseElasticsearchAndKeycloakUp() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Stack.APP_URL + "/api/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"status\":\"UP\"")
        .contains("\"name\":\"database\"")
        .contains("\"name\":\"elasticsearch\"")
        .contains("\"name\":\"keycloak\"")
        .doesNotContain("DOWN");
  }

  @Test
  void aBrowserWithoutSessionIsSentToKeycloak() throws Exception {
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Stack.APP_URL + "/"))
                    .header("Accept", "text/html,application/xhtml+xml")
                    .build(),
                HttpResponse.BodyHandlers.discarding());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .contains("/realms/wenjin/protocol/openid-connect/auth");
  }
}
