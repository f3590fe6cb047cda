package org.wenjin.audit.application;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wenjin.audit.domain.AuditEvents;
import org.wenjin.audit.domain.AuditEvents.ShownDocument;
import org.wenjin.persistence.audit.AuditContent;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;

/** MANDATORY: an event is never recorded apart from what it records. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DefaultAuditLog implements AuditLog {

  public static final String EXCHANGE = "exchange";
  public static final String FEEDBACK = "feedback";

  @Inject private AuditEvents events;

  @Override
  public void exchange(long tenantId, Exchange e) {
    events.append(
        tenantId,
        new AuditContent(
            EXCHANGE,
            e.username(),
            e.userId(),
            e.conversationId(),
            e.turnId(),
            e.model(),
            e.status(),
            null,
            e.question(),
            e.answer(),
            detail(e)),
        documents(e.passages()));
  }

  /**
   * The exchange's detail as whole JSON within its column: a flow's prompts and outputs get a
   * smaller share each time it does not fit (escaping can make text six times longer), and are left
   * out, saying so, if even that does not fit. Nothing else is ever shortened.
   */
  static String detail(Exchange e) {
    String trace = e.flow() == null ? null : e.flow().trace();
    int steps = trace == null ? 0 : Math.max(1, steps(trace).size());
    for (int share = FLOW_TEXT / (2 * Math.max(1, steps)); ; share /= 2) {
      String json = detail(e, share < MIN_SHARE ? -1 : share).toString();
      if (json.length() <= AuditContent.MAX_TEXT || share < MIN_SHARE) {
        return json;
      }
    }
  }

  /** Characters of one prompt or output below which the steps are left out instead. */
  private static final int MIN_SHARE = 50;

  private static JsonObject detail(Exchange e, int share) {
    JsonObjectBuilder detail = JSON.createObjectBuilder().add("backend", text(e.backend()));
    if (e.apiKeyId() != null) {
      detail.add("apiKeyId", e.apiKeyId());
    }
    if (e.error() != null) {
      detail.add("error", e.error());
    }
    detail
        .add("passages", passages(e.passages()))
        .add("timings", timings(e.timings()))
        .add(
            "tokens",
            JSON.createObjectBuilder()
                .add("in", e.tokensIn())
                .add("inEstimated", true)
                .add("out", e.tokensOut()));
    if (e.flow() != null) {
      detail.add("flow", flow(e.flow(), share));
    }
    return detail.build();
  }

  @Override
  public void feedback(RatedAnswer rated, int rating, String comment) {
    ActingCaller caller = CallerScope.current();
    JsonObjectBuilder detail = JSON.createObjectBuilder();
    if (comment != null) {
      detail.add("comment", comment);
    }
    events.append(
        caller.tenantId(),
        new AuditContent(
            FEEDBACK,
            caller.username(),
            caller.userId(),
            rated.conversationId(),
            rated.turnId(),
            rated.model(),
            null,
            rating,
            rated.question(),
            rated.answer(),
            detail.build().toString()),
        List.of());
  }

  @Override
  public void modelUse(String type, String model, String text, JsonObject detail) {
    ActingCaller caller = CallerScope.current();
    events.append(
        caller.tenantId(),
        new AuditContent(
            type,
            caller.username(),
            caller.userId(),
            null,
            null,
            model,
            null,
            null,
            text,
            null,
            detail.toString()),
        List.of());
  }

  @Override
  public void action(String type, JsonObject detail) {
    ActingCaller caller = CallerScope.current();
    events.append(
        caller.tenantId(),
        AuditContent.action(type, caller.username(), caller.userId(), detail.toString()),
        List.of());
  }

  @Override
  public void action(long tenantId, String actor, String type, JsonObject detail) {
    events.append(tenantId, AuditContent.action(type, actor, null, detail.toString()), List.of());
  }

  /** {@code share} characters of each prompt and output; below 0: no steps. */
  private static JsonObjectBuilder flow(Exchange.FlowRecord flow, int share) {
    JsonObjectBuilder o = JSON.createObjectBuilder().add("id", flow.id());
    if (flow.revision() != null) {
      o.add("revision", flow.revision());
    }
    if (flow.trace() != null && share < 0) {
      o.add("stepsOmitted", true); // the turn keeps them
    } else if (flow.trace() != null) {
      o.add("steps", shortened(steps(flow.trace()), share));
    }
    return o;
  }

  /** Characters of prompts and outputs one exchange's detail keeps, all steps together. */
  static final int FLOW_TEXT = 24_000;

  private static JsonArray steps(String trace) {
    try (var reader = JSON.createReader(new StringReader(trace))) {
      return reader.readArray();
    } catch (jakarta.json.JsonException e) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
  }

  private static JsonArrayBuilder shortened(JsonArray steps, int share) {
    JsonArrayBuilder kept = JSON.createArrayBuilder();
    for (JsonValue value : steps) {
      JsonObjectBuilder step = JSON.createObjectBuilder();
      value
          .asJsonObject()
          .forEach(
              (k, v) ->
                  step.add(
                      k,
                      v instanceof JsonString text && text.getString().length() > share
                          ? JSON.createValue(cut(text.getString(), share) + "…")
                          : v));
      kept.add(step);
    }
    return kept;
  }

  /** The first {@code length} characters, not splitting a character outside the BMP. */
  private static String cut(String text, int length) {
    int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end);
  }

  private static JsonArrayBuilder passages(List<Exchange.ShownPassage> passages) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (Exchange.ShownPassage p : passages) {
      array.add(
          JSON.createObjectBuilder()
              .add("n", p.marker())
              .add("documentId", p.documentId())
              .add("chunk", p.chunk())
              .add("title", text(p.title()))
              .add("cited", p.cited()));
    }
    return array;
  }

  private static JsonObjectBuilder timings(Exchange.Timings t) {
    JsonObjectBuilder o = JSON.createObjectBuilder().add("queueMs", t.queueMs());
    if (t.firstTokenMs() != null) {
      o.add("firstTokenMs", t.firstTokenMs());
    }
    return o.add("totalMs", t.totalMs());
  }

  /** One row per document, cited if any of its passages is. */
  private static List<ShownDocument> documents(List<Exchange.ShownPassage> passages) {
    Map<Long, Boolean> cited = new LinkedHashMap<>();
    for (Exchange.ShownPassage p : passages) {
      cited.merge(p.documentId(), p.cited(), Boolean::logicalOr);
    }
    return cited.entrySet().stream().map(d -> new ShownDocument(d.getKey(), d.getValue())).toList();
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
