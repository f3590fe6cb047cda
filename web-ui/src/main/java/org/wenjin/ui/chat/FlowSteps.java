package org.wenjin.ui.chat;

import static org.wenjin.platform.Jsonp.JSON;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Locale;
import org.wenjin.ui.i18n.Tr;

/**
 * How a flow came to its answer: each step as it ran, with the prompt it sent and what came back,
 * folded away under the answer. Prompts hold document text and outputs model text: shown as text (a
 * {@code Pre}'s text content), never as markup.
 */
public class FlowSteps extends Details {

  FlowSteps(long turnId) {
    this("steps-" + turnId);
  }

  /** Steps shown elsewhere than under a turn (a flow's dry run). */
  public FlowSteps(String id) {
    setId(id);
    addClassName("wenjin-turn-steps");
    setVisible(false);
  }

  /** Shows the trace of a finished flow; hides itself for a standard answer. */
  public void show(String flowId, String trace) {
    removeAll();
    JsonArray steps = parse(trace);
    setVisible(flowId != null && !steps.isEmpty());
    if (!isVisible()) {
      return;
    }
    setSummaryText(getTranslation("chat.steps.summary", flowId, steps.size()));
    for (JsonValue value : steps) {
      if (value instanceof JsonObject step) {
        add(step(step));
      }
    }
  }

  private static Div step(JsonObject step) {
    Div box = new Div();
    box.addClassName("wenjin-turn-step");
    String type = step.getString("type", "");
    String title = step.getString("step", "") + " \u00b7 " + type;
    if (type.equals("retrieve")) {
      title =
          Tr.t(
              "chat.steps.retrieved",
              title,
              step.getString("query", ""),
              step.getInt("passages", 0));
    }
    if (step.containsKey("ended")) {
      title = Tr.t("chat.steps.ended", title, ended(step.getString("ended", "")));
    }
    Span heading = new Span(title);
    heading.addClassName("wenjin-turn-step-title");
    box.add(heading);
    for (String part : new String[] {"prompt", "output"}) {
      if (step.containsKey(part)) {
        Pre text = new Pre(step.getString(part, ""));
        text.addClassName("wenjin-turn-step-" + part);
        text.getStyle()
            .set("white-space", "pre-wrap")
            .set("max-height", "12em")
            .set("overflow", "auto")
            .set("font-size", "var(--lumo-font-size-s)");
        box.add(text);
      }
    }
    return box;
  }

  /** How a model call ended short of complete ({@code GenerationOutcome.Kind}). */
  private static String ended(String kind) {
    return switch (kind) {
      case "TRUNCATED" -> Tr.t("chat.steps.ended.truncated");
      case "STOPPED" -> Tr.t("chat.steps.ended.stopped");
      case "FAILED" -> Tr.t("chat.steps.ended.failed");
      default -> kind.toLowerCase(Locale.ROOT);
    };
  }

  private static JsonArray parse(String trace) {
    if (trace == null) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    try (var reader = JSON.createReader(new StringReader(trace))) {
      return reader.readArray();
    } catch (JsonException e) {
      return JsonValue.EMPTY_JSON_ARRAY; // nothing to show rather than a broken card
    }
  }
}
