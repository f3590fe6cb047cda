package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wenjin.api.limits.BodyTooLargeException;
import org.wenjin.audit.domain.AuditRules;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.domain.QuotaExceeded;
import org.wenjin.chat.domain.flow.FlowChanged;
import org.wenjin.chat.domain.flow.FlowRules;
import org.wenjin.governance.domain.GovernanceRules;
import org.wenjin.knowledge.domain.KnowledgeRules;
import org.wenjin.knowledge.domain.SearchUnavailableException;
import org.wenjin.tenancy.domain.IdentityProviderException;
import org.wenjin.tenancy.domain.TenantRuleViolation;

/** Turns every failure of an API call into a JSON error with a status that says what happened. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<RuntimeException> {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Override
  public Response toResponse(RuntimeException exception) {
    Throwable e =
        exception instanceof EJBException
                && !(exception instanceof EJBAccessException)
                && exception.getCause() != null
            ? exception.getCause()
            : exception;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException tooLarge) {
        return tooLarge.getResponse(); // however deep a body reader wrapped it
      }
    }
    if (e instanceof EJBAccessException) {
      return ApiError.of(
          Response.Status.FORBIDDEN, "forbidden", "Your roles do not allow this request.");
    }
    if (e instanceof jakarta.json.JsonException) {
      return ApiError.of(
          Response.Status.BAD_REQUEST, "invalid_json", "The request body is not valid JSON.");
    }
    if (e instanceof FlowChanged changed) {
      return Response.fromResponse(
              ApiError.of(Response.Status.PRECONDITION_FAILED, "flow_changed", e.getMessage()))
          .tag(String.valueOf(changed.revision()))
          .build();
    }
    if (e instanceof FlowRules rules) {
      return Response.status(Response.Status.BAD_REQUEST)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(
              JSON.createObjectBuilder()
                  .add("status", 400)
                  .add("error", "invalid_flow")
                  .add("message", "The flow cannot be saved or run: " + e.getMessage())
                  .add("problems", JSON.createArrayBuilder(rules.problems()))
                  .build())
          .build();
    }
    if (e instanceof ChatRules rules) {
      return rules.isNotFound()
          ? ApiError.of(Response.Status.NOT_FOUND, "not_found", e.getMessage())
          : ApiError.of(Response.Status.BAD_REQUEST, "invalid_request", e.getMessage());
    }
    if (e instanceof KnowledgeRules rules) {
      return rules.isNotFound()
          ? ApiError.of(Response.Status.NOT_FOUND, "not_found", e.getMessage())
          : ApiError.of(Response.Status.BAD_REQUEST, "invalid_request", e.getMessage());
    }
    if (e instanceof QuotaExceeded quota) {
      return Response.fromResponse(
              ApiError.of(Response.Status.TOO_MANY_REQUESTS, "quota_exceeded", e.getMessage()))
          .header("Retry-After", quota.retryAfterSeconds())
          .build();
    }
    if (e instanceof GovernanceRules) {
      return ApiError.of(Response.Status.BAD_REQUEST, "invalid_request", e.getMessage());
    }
    if (e instanceof AuditRules rules) {
      return rules.isNotFound()
          ? ApiError.of(Response.Status.NOT_FOUND, "not_found", e.getMessage())
          : ApiError.of(Response.Status.BAD_REQUEST, "invalid_request", e.getMessage());
    }
    if (e instanceof SearchUnavailableException) {
      return ApiError.of(Response.Status.SERVICE_UNAVAILABLE, "search_unavailable", e.getMessage());
    }
    if (e instanceof InvalidRequestException) {
      return ApiError.of(Response.Status.BAD_REQUEST, "invalid_request", e.getMessage());
    }
    if (e instanceof TenantRuleViolation rules) {
      return rules.isNotFound()
          ? ApiError.of(Response.Status.NOT_FOUND, "not_found", e.getMessage())
          : ApiError.of(Response.Status.BAD_REQUEST, "invalid_request", e.getMessage());
    }
    if (e instanceof IdentityProviderException) {
      return ApiError.of(Response.Status.SERVICE_UNAVAILABLE, "identity_provider", e.getMessage());
    }
    if (e instanceof WebApplicationException web && web.getResponse().getEntity() != null) {
      return web.getResponse(); // a resource's own error, already in the API's shape
    }
    if (e instanceof WebApplicationException web) {
      Response.Status status = Response.Status.fromStatusCode(web.getResponse().getStatus());
      return ApiError.of(
          status == null ? Response.Status.BAD_REQUEST : status, "http", web.getMessage());
    }
    LOG.log(Level.WARNING, "API call failed", e);
    return ApiError.of(
        Response.Status.INTERNAL_SERVER_ERROR,
        "internal",
        "The request failed; nothing was changed.");
  }
}
