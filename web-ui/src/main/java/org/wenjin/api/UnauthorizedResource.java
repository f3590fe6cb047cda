package org.wenjin.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.wenjin.api.limits.RateLimitExempt;

/**
 * The body of a 401 (no or bad bearer token): web.xml sends the container's 401 here, so API
 * clients get the same JSON error shape as for every other failure.
 */
@Path("errors/unauthorized")
@RateLimitExempt
public class UnauthorizedResource {

  @GET
  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response unauthorized() {
    return ApiError.of(
        Response.Status.UNAUTHORIZED,
        "unauthorized",
        "Send a valid Keycloak access token: Authorization: Bearer <token>.");
  }
}
