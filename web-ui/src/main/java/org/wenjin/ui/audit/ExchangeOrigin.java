package org.wenjin.ui.audit;

import static org.wenjin.platform.Jsonp.JSON;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Optional;
import org.wenjin.ui.chat.FlowSteps;
import org.wenjin.ui.i18n.Tr;

/**
 * How a recorded answer came about, from its event's detail: the flow that answered (id, the
 * company's revision) with each step's prompt and output, and the API key it was asked with.
 */
record ExchangeOrigin(String flowId, Integer revision, String steps, Long apiKeyId) {

  static Optional<ExchangeOrigin> of(String detail) {
    if (detail == null || detail.isBlank()) {
      return Optional.empty();
    }
    JsonObject recorded;
    try (var reader = JSON.createReader(new StringReader(detail))) {
      recorded = reader.readObject();
    } catch (JsonException | ClassCastException e) {
      return Optional.empty();
    }
    JsonObject flow = recorded.getJsonObject("flow");
    Long key = recorded.get("apiKeyId") instanceof JsonNumber n ? n.longValue() : null;
    if (flow == null && key == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ExchangeOrigin(
            flow == null ? null : flow.getString("id", null),
            flow != null && flow.get("revision") instanceof JsonNumber r ? r.intValue() : null,
            flow == null || flow.getJsonArray("steps") == null
                ? null
                : flow.getJsonArray("steps").toString(),
            key));
  }

  Component component() {
    Div box = new Div(new H4(Tr.t("audit.origin.heading")));
    box.setId("audit-event-origin");
    StringBuilder facts = new StringBuilder();
    if (flowId != null) {
      facts.append(
          revision == null
              ? Tr.t("audit.origin.flow-built-in", flowId)
              : Tr.t("audit.origin.flow-revision", flowId, revision));
    }
    if (apiKeyId != null) {
      facts.append(facts.isEmpty() ? "" : " · ").append(Tr.t("audit.origin.api-key", apiKeyId));
    }
    box.add(new Span(facts.toString()));
    if (steps != null) {
      FlowSteps shown = new FlowSteps("audit-event-steps");
      shown.show(flowId, steps);
      box.add(shown);
    }
    return box;
  }
}
