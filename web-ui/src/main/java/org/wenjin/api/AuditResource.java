package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.wenjin.audit.domain.AuditQuery;
import org.wenjin.audit.interfaces.AuditFacade;

/**
 * The audit trail for auditors of the company they act for: {@code GET /api/audit/events} (a page,
 * newest first, filtered: {@link AuditParams}), {@code GET /api/audit/events/{id}}, {@code GET
 * /api/audit/export?format=csv|jsonl} (every matching event, streamed), {@code GET
 * /api/audit/verify} (the company's hash chain recomputed). Anyone else gets 403.
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  static final String JSON_LINES = "application/x-ndjson";

  private static final int MAX_PAGE = 200;

  @EJB private AuditFacade audit;

  @GET
  @Path("events")
  public JsonObject events(
      @BeanParam AuditParams params,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    AuditQuery query = params.query();
    PageRequest wanted = PageRequest.of(page, size, PageRequest.DEFAULT_SIZE, MAX_PAGE);
    AuditFacade.EventPage found = audit.search(query, wanted.page() * wanted.size(), wanted.size());
    return JSON.createObjectBuilder()
        .add("events", JsonViews.array(found.events(), AuditJson::event))
        .add("total", found.total())
        .add("page", wanted.page())
        .add("size", wanted.size())
        .build();
  }

  @GET
  @Path("events/{id}")
  public JsonObject event(@PathParam("id") long id) {
    return AuditJson.event(audit.event(id));
  }

  @GET
  @Path("export")
  @Produces({"text/csv", JSON_LINES, MediaType.APPLICATION_JSON})
  public Response export(@BeanParam AuditParams params, @QueryParam("format") String format) {
    boolean csv = "csv".equals(format);
    if (!csv && !"jsonl".equals(format)) {
      throw new InvalidRequestException("'format' must be csv or jsonl.");
    }
    AuditQuery query = params.query();
    long total = audit.count(query); // the role check answers 403 before any byte
    StreamingOutput body =
        out -> {
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
          if (csv) {
            try (AuditCsv rows = new AuditCsv(writer)) {
              audit.export(query, e -> write(() -> rows.write(e)));
            }
          } else {
            audit.export(
                query, e -> write(() -> writer.append(AuditJson.event(e).toString()).append('\n')));
            writer.flush();
          }
        };
    String file = "audit-" + LocalDate.now(ZoneOffset.UTC) + (csv ? ".csv" : ".jsonl");
    return Response.ok(body, (csv ? "text/csv" : JSON_LINES) + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .header("X-Total-Count", total)
        .build();
  }

  @GET
  @Path("verify")
  public JsonObject verify() {
    return AuditJson.report(audit.verify());
  }

  /** One row out; false (stop) never: a client that goes away ends the export with an error. */
  private static boolean write(IoAction action) {
    try {
      action.run();
      return true;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws java.io.IOException;
  }
}
