package org.wenjin.api.health;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.wenjin.api.limits.RateLimitExempt;
import org.wenjin.platform.health.ReadinessChecks;

/**
 * {@code GET /api/health/live}: 200 while this node is deployed, answers requests and its own
 * checks (heap) are up, 503 otherwise, whatever the shared services do. A load balancer checks this
 * one, not {@code /api/health/ready}: when the database, Elasticsearch or Keycloak that every node
 * shares is down, taking every node out of the balancer would only turn the app's own clear
 * messages into the balancer's 503 page.
 */
@Path("health/live")
@RateLimitExempt
@RequestScoped
public class LivenessResource {

  @Inject private ReadinessChecks checks;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response live() {
    boolean up =
        checks.runLocal().stream().allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP);
    return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(JSON.createObjectBuilder().add("status", up ? "UP" : "DOWN").build())
        .build();
  }
}
