package org.wenjin.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

  // the error dispatch keeps the request's method: one resource method per method, or a PUT or
  // DELETE without a token would read 405 instead of 401
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response get() {
    return unauthorized();
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response post() {
    return unauthorized();
  }

  @PUT
  @Produces(MediaType.APPLICATION_JSON)
  public Response put() {
    return unauthorized();
  }

  @DELETE
  @Produces(MediaType.APPLICATION_JSON)
  public Response delete() {
    return unauthorized();
  }

  @PATCH
  @Produces(MediaType.APPLICATION_JSON)
  public Response patch() {
    return unauthorized();
  }

  private static Response unauthorized() {
    return ApiError.of(
        Response.Status.UNAUTHORIZED,
        "unauthorized",
        "Send a valid Keycloak access token: Authorization: Bearer <token>.");
  }
}
