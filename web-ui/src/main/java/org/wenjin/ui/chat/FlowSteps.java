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
    setSummaryText("How the flow \u201c" + flowId + "\u201d answered (" + steps.size() + " steps)");
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
      title +=
          ": \u201c"
              + step.getString("query", "")
              + "\u201d, "
              + step.getInt("passages", 0)
              + (step.getInt("passages", 0) == 1 ? " passage" : " passages");
    }
    if (step.containsKey("ended")) {
      title += " (" + step.getString("ended", "").toLowerCase() + ")";
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
