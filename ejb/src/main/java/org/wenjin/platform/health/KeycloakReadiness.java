package org.wenjin.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the Keycloak realm the app signs users in with publishes its OIDC discovery. */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Inject
  @ConfigProperty(name = "wenjin.oidc.provider-url")
  private String providerUrl;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("keycloak").withData("realm", providerUrl);
    try {
      URI discovery = URI.create(providerUrl + "/.well-known/openid-configuration");
      HttpRequest request =
          HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).GET().build();
      int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return response.status(status == 200).withData("http", status).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return response.down().withData("error", "interrupted").build();
    } catch (Exception e) {
      return response.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
