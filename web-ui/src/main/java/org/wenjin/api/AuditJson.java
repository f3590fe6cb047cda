package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.wenjin.audit.domain.ChainReport;
import org.wenjin.audit.interfaces.AuditEventDto;

/**
 * Audit events as the API and the JSON Lines export write them: the fields an auditor filters on at
 * the top, the passages shown as {@code documents}, an action's recorded detail as an object.
 */
public final class AuditJson {

  private AuditJson() {}

  public static JsonObject event(AuditEventDto e) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", e.id())
            .add("seq", e.seq())
            .add("type", e.type())
            .add("at", e.at().toString())
            .add("user", e.user())
            .add("conversationId", number(e.conversationId()))
            .add("turnId", number(e.turnId()))
            .add("question", text(e.question()))
            .add("answer", text(e.answer()))
            .add("status", text(e.status()))
            .add("model", text(e.model()))
            .add("backend", text(e.backend()))
            .add("error", text(e.error()))
            .add("rating", e.rating() == null ? JsonValue.NULL : JSON.createValue(e.rating()))
            .add("comment", text(e.comment()))
            .add("documents", documents(e));
    if (e.totalMs() != null) {
      json.add(
          "timings",
          JSON.createObjectBuilder()
              .add("queueMs", number(e.queueMs()))
              .add("firstTokenMs", number(e.firstTokenMs()))
              .add("totalMs", number(e.totalMs())));
    }
    if (e.tokensOut() != null) {
      json.add(
          "tokens",
          JSON.createObjectBuilder()
              .add("in", number(e.tokensIn()))
              .add("inEstimated", true)
              .add("out", number(e.tokensOut())));
    }
    if (!"exchange".equals(e.type()) && !"feedback".equals(e.type())) {
      json.add("detail", detail(e.detail()));
    } else if (detail(e.detail()) instanceof JsonObject recorded) {
      // how the answer came about: the flow's steps, and the API key it was asked with
      for (String part : new String[] {"flow", "apiKeyId"}) {
        if (recorded.containsKey(part)) {
          json.add(part, recorded.get(part));
        }
      }
    }
    return json.add("hash", e.hash()).build();
  }

  public static JsonObject report(ChainReport r) {
    JsonObjectBuilder json = JSON.createObjectBuilder().add("intact", r.intact());
    json.add("events", r.events());
    if (!r.intact()) {
      json.add("firstBrokenEvent", number(r.firstBrokenEvent()))
          .add("firstBrokenSeq", number(r.firstBrokenSeq()))
          .add("reason", r.reason());
    }
    return json.build();
  }

  private static jakarta.json.JsonArrayBuilder documents(AuditEventDto e) {
    var array = JSON.createArrayBuilder();
    for (AuditEventDto.Shown p : e.passages()) {
      array.add(
          JSON.createObjectBuilder()
              .add("n", p.marker())
              .add("documentId", p.documentId())
              .add("chunk", p.chunk())
              .add("title", p.title())
              .add("cited", p.cited()));
    }
    return array;
  }

  private static JsonValue detail(String detail) {
    if (detail == null || detail.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (var reader = JSON.createReader(new StringReader(detail))) {
      return reader.readValue();
    } catch (jakarta.json.JsonException e) {
      return JSON.createValue(detail); // as recorded, even if someone broke it
    }
  }

  private static JsonValue text(String value) {
    return value == null ? JsonValue.NULL : JSON.createValue(value);
  }

  private static JsonValue number(Long value) {
    return value == null ? JsonValue.NULL : JSON.createValue(value);
  }

  private static JsonValue number(Integer value) {
    return value == null ? JsonValue.NULL : JSON.createValue(value);
  }
}
