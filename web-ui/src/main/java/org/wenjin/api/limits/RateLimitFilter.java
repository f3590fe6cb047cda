package org.wenjin.api.limits;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.wenjin.api.ApiError;

/**
 * 429 with {@code Retry-After} (seconds) when a user makes more requests than their budget allows.
 * The key is the verified principal (Keycloak's {@code preferred_username}, unique in the realm),
 * never anything the client sends. Requests without one are only the open readiness check and the
 * 401 page, so they are not counted. Runs before the body is read, so a refused call costs nothing.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RateLimitFilter implements ContainerRequestFilter {

  @Context private ResourceInfo resource;

  @Inject private ApiLimits limits;

  @Override
  public void filter(ContainerRequestContext request) {
    Principal caller = request.getSecurityContext().getUserPrincipal();
    Class<?> target = resource.getResourceClass();
    if (caller == null || (target != null && target.isAnnotationPresent(RateLimitExempt.class))) {
      return;
    }
    long retryAfter = limits.rate().acquire(caller.getName());
    if (retryAfter > 0) {
      request.abortWith(tooMany(limits.rate().budget(caller.getName()), retryAfter));
    }
  }

  private static Response tooMany(RateBudget budget, long retryAfter) {
    Response error =
        ApiError.of(
            Response.Status.TOO_MANY_REQUESTS,
            "rate_limited",
            "Too many requests: at most "
                + budget.perMinute()
                + " a minute, "
                + budget.burst()
                + " at once. Try again in "
                + retryAfter
                + " s.");
    return Response.fromResponse(error).header(HttpHeaders.RETRY_AFTER, retryAfter).build();
  }
}
