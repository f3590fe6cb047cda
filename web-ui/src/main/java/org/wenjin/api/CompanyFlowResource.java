package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.domain.flow.FlowSource;
import org.wenjin.chat.interfaces.CompanyFlowDto;
import org.wenjin.chat.interfaces.CompanyFlowsFacade;
import org.wenjin.chat.interfaces.DryRunDto;

/**
 * A tenant admin's flows (docs/flows.md): {@code GET /api/company/flows}, {@code GET
 * /api/company/flows/{id}} (with its definition; {@code Accept: application/yaml} for the flow as
 * YAML), {@code POST} a new flow and {@code PUT /{id}} a revision (the flow as JSON or YAML, {@code
 * ?offered=false} to save it withdrawn), {@code PUT /{id}/offered}, {@code DELETE /{id}} (a
 * built-in back as shipped), {@code POST /check} and {@code POST /dry-run}.
 */
@Path("company/flows")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CompanyFlowResource {

  static final String YAML = "application/yaml";

  /** How long a dry run may take before it is stopped and the call answers 504. */
  static final long DRY_RUN_SECONDS = 120;

  @EJB private CompanyFlowsFacade flows;

  @GET
  public JsonArray list() {
    return JsonViews.array(flows.flows(), CompanyFlowResource::summary);
  }

  /** The flow with its definition; its {@code ETag} is its revision, for {@code If-Match}. */
  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    CompanyFlowDto flow = flows.flow(id);
    String json = flows.source(id, FlowSource.Format.JSON);
    return Response.ok(
            JSON.createObjectBuilder(summary(flow))
                .add("definition", FlowSource.json(json))
                .build())
        .tag(revisionTag(flow.revision()))
        .build();
  }

  @GET
  @Path("{id}")
  @Produces({YAML, "text/yaml"})
  public String yaml(@PathParam("id") String id) {
    return flows.source(id, FlowSource.Format.YAML);
  }

  @POST
  @Consumes({MediaType.APPLICATION_JSON, YAML, "text/yaml"})
  public Response create(String text, @QueryParam("offered") Boolean offered) {
    CompanyFlowDto created = flows.create(text, offered == null || offered);
    return Response.created(UriBuilder.fromPath("company/flows/{id}").build(created.id()))
        .entity(summary(created))
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, YAML, "text/yaml"})
  public Response save(
      @PathParam("id") String id,
      String text,
      @QueryParam("offered") Boolean offered,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    boolean offer = offered == null ? flows.flow(id).offered() : offered;
    CompanyFlowDto saved = flows.save(id, text, offer, basedOn(ifMatch));
    return Response.ok(summary(saved)).tag(revisionTag(saved.revision())).build();
  }

  private static EntityTag revisionTag(int revision) {
    return new EntityTag(String.valueOf(revision));
  }

  /**
   * The revision an {@code If-Match} names ({@code "3"}, or 3); null without one, or for {@code *}.
   */
  static Integer basedOn(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Integer.valueOf(tag);
    } catch (NumberFormatException e) {
      throw new ChatRules(
          "If-Match must name a revision of the flow, as its ETag does (\"3\"): " + ifMatch);
    }
  }

  @PUT
  @Path("{id}/offered")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject offer(@PathParam("id") String id, JsonObject body) {
    if (body == null
        || !(body.get("offered") instanceof JsonValue v)
        || (v != JsonValue.TRUE && v != JsonValue.FALSE)) {
      throw new ChatRules("Send {\"offered\": true} or {\"offered\": false}.");
    }
    return summary(flows.offer(id, v == JsonValue.TRUE));
  }

  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") String id) {
    flows.remove(id);
    return Response.noContent().build();
  }

  @POST
  @Path("check")
  @Consumes({MediaType.APPLICATION_JSON, YAML, "text/yaml"})
  public JsonObject check(String text) {
    var problems = flows.check(text);
    return JSON.createObjectBuilder()
        .add("valid", problems.isEmpty())
        .add("problems", JSON.createArrayBuilder(problems))
        .build();
  }

  /**
   * {@code {"flow": {...} or "yaml text", "question": "...", "model": "optional"}}: runs the flow
   * once and answers with each step's prompt and output; nothing is saved.
   */
  @POST
  @Path("dry-run")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response dryRun(JsonObject body) throws InterruptedException {
    if (body == null
        || body.get("flow") == null
        || !(body.get("question") instanceof JsonString question)) {
      throw new ChatRules(
          "Send {\"flow\": the flow as an object or as YAML text, \"question\": \"...\"}.");
    }
    String text =
        body.get("flow") instanceof JsonString yaml
            ? yaml.getString()
            : body.get("flow").toString();
    String model = body.get("model") instanceof JsonString m ? m.getString() : null;
    CompletableFuture<DryRunDto> result = new CompletableFuture<>();
    Runnable stop = flows.dryRun(text, question.getString(), model, result::complete);
    try {
      return Response.ok(dryRun(result.get(DRY_RUN_SECONDS, TimeUnit.SECONDS))).build();
    } catch (TimeoutException e) {
      stop.run();
      return ApiError.of(
          Response.Status.GATEWAY_TIMEOUT,
          "timeout",
          "The dry run took longer than " + DRY_RUN_SECONDS + " s and was stopped.");
    } catch (InterruptedException e) {
      stop.run();
      throw e;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  static JsonObject summary(CompanyFlowDto f) {
    return JSON.createObjectBuilder()
        .add("id", f.id())
        .add("model", "flow:" + f.id())
        .add("name", f.name())
        .add("description", f.description())
        .add("origin", f.origin().toLowerCase().replace('_', '-'))
        .add("revision", f.revision())
        .add("offered", f.offered())
        .add("usable", f.usable())
        .add("standard", f.standard())
        .add("steps", f.steps())
        .add("modelCalls", f.modelCalls())
        .add(
            "updatedAt",
            f.updatedAt() == null ? JsonValue.NULL : JSON.createValue(f.updatedAt().toString()))
        .add("updatedBy", f.updatedBy() == null ? JsonValue.NULL : JSON.createValue(f.updatedBy()))
        .add("problems", JSON.createArrayBuilder(f.problems()))
        .build();
  }

  private static JsonObject dryRun(DryRunDto r) {
    return JSON.createObjectBuilder()
        .add("flow", r.flowId())
        .add("status", r.status())
        .add("error", r.error() == null ? JsonValue.NULL : JSON.createValue(r.error().english()))
        .add("answer", r.answer())
        .add("citations", JsonViews.array(r.citations(), JsonViews::citation))
        .add("steps", JsonViews.steps(r.flowTrace()))
        .add(
            "usage",
            JSON.createObjectBuilder()
                .add("prompt_tokens", r.promptTokens())
                .add("completion_tokens", r.pieces()))
        .build();
  }
}
