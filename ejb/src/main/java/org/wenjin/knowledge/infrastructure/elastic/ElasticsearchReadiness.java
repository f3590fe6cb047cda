package org.wenjin.knowledge.infrastructure.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Elasticsearch answers {@code _cluster/health} with green or yellow, using the app's
 * own credentials (so a wrong password shows up here, too).
 */
@Readiness
@ApplicationScoped
public class ElasticsearchReadiness implements HealthCheck {

  @Inject private ElasticsearchClient client;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("elasticsearch");
    try {
      HealthResponse health = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
      return response
          .status(health.status() != HealthStatus.Red)
          .withData("cluster", health.clusterName())
          .withData("status", health.status().jsonValue())
          .build();
    } catch (Exception e) {
      return response.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
