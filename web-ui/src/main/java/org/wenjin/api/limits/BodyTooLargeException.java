package org.wenjin.api.limits;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.wenjin.api.ApiError;

/**
 * A request body over its limit: 413 with the limit in the message. It carries its JSON response,
 * so JAX-RS sends it as it is, also when the body reader wraps it.
 */
public class BodyTooLargeException extends WebApplicationException {

  /**
   * @param what what was too large, as the message's subject ("The upload")
   */
  public BodyTooLargeException(String what, long limitBytes) {
    super(
        ApiError.of(
            Response.Status.REQUEST_ENTITY_TOO_LARGE,
            "too_large",
            what + " is larger than the limit of " + size(limitBytes) + "; nothing was stored."));
  }

  static String size(long bytes) {
    return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? bytes / (1024 * 1024) + " MB"
        : bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
  }
}
