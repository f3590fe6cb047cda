package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of every API error: {@code {"status":403,"error":"forbidden","message":"..."}}. */
public final class ApiError {

  private ApiError() {}

  public static Response of(Response.Status status, String error, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            JSON.createObjectBuilder()
                .add("status", status.getStatusCode())
                .add("error", error)
                .add("message", message == null ? status.getReasonPhrase() : message)
                .build())
        .build();
  }
}
