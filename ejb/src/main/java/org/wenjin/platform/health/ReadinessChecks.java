package org.wenjin.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Runs every readiness check of the application (database, Elasticsearch, Keycloak, heap) for
 * {@code GET /api/health/ready}. Collected here, beside the checks: an {@code Instance} injected in
 * the web module listed each of this module's checks twice.
 */
@ApplicationScoped
public class ReadinessChecks {

  @Inject @Any @Readiness private Instance<HealthCheck> checks;

  /** Each check's answer; a check that throws is reported down with its message. */
  public List<HealthCheckResponse> run() {
    return checks.stream().map(ReadinessChecks::call).toList();
  }

  /** Only the checks about this node itself ({@link NodeLocal}), for a load balancer. */
  public List<HealthCheckResponse> runLocal() {
    return checks.stream().filter(c -> c instanceof NodeLocal).map(ReadinessChecks::call).toList();
  }

  private static HealthCheckResponse call(HealthCheck check) {
    try {
      return check.call();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named(check.getClass().getSimpleName())
          .down()
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}
