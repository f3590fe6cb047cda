package org.wenjin.api.health;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.wenjin.api.limits.RateLimitExempt;
import org.wenjin.platform.health.ReadinessChecks;

/**
 * {@code GET /api/health/ready}: 200 and {@code "status":"UP"} when every readiness check is up,
 * 503 otherwise. Open to anyone (load balancers, ./run.sh); it reveals states, never secrets.
 */
@Path("health/ready")
@RateLimitExempt
@RequestScoped
public class ReadinessResource {

  @Inject private ReadinessChecks checks;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response ready() {
    List<HealthCheckResponse> results = checks.run();
    boolean up = results.stream().allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP);
    JsonArrayBuilder array = JSON.createArrayBuilder();
    results.forEach(r -> array.add(toJson(r)));
    JsonObject body =
        JSON.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", array).build();
    return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(body)
        .build();
  }

  private static JsonObject toJson(HealthCheckResponse response) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("name", response.getName())
            .add("status", response.getStatus().name());
    response
        .getData()
        .ifPresent(
            data -> {
              JsonObjectBuilder d = JSON.createObjectBuilder();
              data.forEach((k, v) -> d.add(k, String.valueOf(v)));
              json.add("data", d);
            });
    return json.build();
  }
}
