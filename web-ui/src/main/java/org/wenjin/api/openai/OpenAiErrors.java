package org.wenjin.api.openai;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;

/**
 * Every {@code /v1} error in OpenAI's shape, {@code {"error":{"message","type","param","code"}}},
 * which OpenAI's client libraries turn into their typed errors (401 → AuthenticationError, 429 →
 * RateLimitError, …). The errors themselves are Wenjin's ({@code ApiExceptionMapper}, the rate and
 * body limits): this only rewrites their body, so both APIs refuse the same things for the same
 * reasons. Registered by {@link OpenAiApplication} only.
 */
public class OpenAiErrors implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() >= 400
        && response.getEntity() instanceof JsonObject wenjin
        && wenjin.get("error") instanceof JsonString
        && wenjin.containsKey("message")) {
      response.setEntity(
          JSON.createObjectBuilder()
              .add(
                  "error",
                  error(
                      response.getStatus(),
                      wenjin.getString("error", "error"),
                      wenjin.getString("message", "")))
              .build(),
          null,
          MediaType.APPLICATION_JSON_TYPE);
    }
  }

  /** The inner error object. */
  static JsonObject error(int status, String code, String message) {
    return JSON.createObjectBuilder()
        .add("message", message)
        .add("type", type(status, code))
        .addNull("param")
        .add("code", code)
        .build();
  }

  /** OpenAI's error types by status (what its clients and docs expect to read). */
  static String type(int status, String code) {
    return switch (status) {
      case 400, 404, 409, 413, 415, 422 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 429 -> "quota_exceeded".equals(code) ? "insufficient_quota" : "rate_limit_error";
      default -> "api_error";
    };
  }
}
