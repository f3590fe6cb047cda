package org.wenjin.audit.interfaces;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.wenjin.persistence.audit.AuditEvent;

/**
 * One audit event as an auditor reads it. For an exchange: the passages shown, timings and token
 * counts taken out of its detail; for an action, {@code detail} is its JSON as recorded (what it
 * was done on, before → after).
 */
public record AuditEventDto(
    long id,
    long seq,
    String type,
    Instant at,
    String user,
    Long conversationId,
    Long turnId,
    String model,
    String status,
    Integer rating,
    String question,
    String answer,
    String backend,
    String error,
    String comment,
    List<Shown> passages,
    Long queueMs,
    Long firstTokenMs,
    Long totalMs,
    Integer tokensIn,
    Integer tokensOut,
    String detail,
    String hash)
    implements Serializable {

  /** A passage the model was given: its document, chunk and title; cited by the answer or not. */
  public record Shown(int marker, long documentId, int chunk, String title, boolean cited)
      implements Serializable {}

  public static AuditEventDto of(AuditEvent e) {
    JsonObject d = parse(e.getDetail());
    JsonObject timings = d.get("timings") instanceof JsonObject t ? t : null;
    JsonObject tokens = d.get("tokens") instanceof JsonObject t ? t : null;
    return new AuditEventDto(
        e.getId(),
        e.getSeq(),
        e.getType(),
        e.getOccurredAt(),
        e.getActor(),
        e.getConversationId(),
        e.getTurnId(),
        e.getModel(),
        e.getStatus(),
        e.getRating(),
        e.getQuestion(),
        e.getAnswer(),
        string(d, "backend"),
        string(d, "error"),
        string(d, "comment"),
        passages(d),
        number(timings, "queueMs"),
        number(timings, "firstTokenMs"),
        number(timings, "totalMs"),
        integer(tokens, "in"),
        integer(tokens, "out"),
        e.getDetail(),
        e.getHash());
  }

  public List<Long> documentIds() {
    return passages.stream().map(Shown::documentId).distinct().toList();
  }

  private static List<Shown> passages(JsonObject detail) {
    if (!(detail.get("passages") instanceof jakarta.json.JsonArray array)) {
      return List.of();
    }
    try {
      return shown(array);
    } catch (RuntimeException e) {
      return List.of(); // an edited row: verification names it, reading goes on
    }
  }

  private static List<Shown> shown(jakarta.json.JsonArray array) {
    return array.getValuesAs(JsonObject.class).stream()
        .map(
            p ->
                new Shown(
                    p.getInt("n"),
                    p.getJsonNumber("documentId").longValue(),
                    p.getInt("chunk"),
                    p.getString("title", ""),
                    p.getBoolean("cited", false)))
        .toList();
  }

  private static JsonObject parse(String detail) {
    if (detail == null || detail.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (var reader = JSON.createReader(new StringReader(detail))) {
      return reader.readValue() instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    } catch (jakarta.json.JsonException e) {
      return JsonValue.EMPTY_JSON_OBJECT; // an edited row: verification says so, reading goes on
    }
  }

  private static String string(JsonObject o, String key) {
    return o.get(key) instanceof jakarta.json.JsonString s ? s.getString() : null;
  }

  private static Long number(JsonObject o, String key) {
    return o != null && o.get(key) instanceof JsonNumber n ? n.longValue() : null;
  }

  private static Integer integer(JsonObject o, String key) {
    return o != null && o.get(key) instanceof JsonNumber n ? n.intValue() : null;
  }
}
