package org.wenjin.chat.domain.flow;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.wenjin.platform.text.RuleMessage;

/**
 * Reads a flow from its JSON form (what the editor saves and the API takes), collecting every
 * problem with where it is, then checks the whole ({@link FlowChecks}).
 *
 * <pre>{@code
 * {"id": "knowledge-notes", "name": "Knowledge — summarise then answer",
 *  "steps": [
 *    {"id": "search", "type": "retrieve", "query": "{{question}}", "k": 4},
 *    {"id": "notes", "type": "for_each", "over": "search.passages", "max": 4,
 *     "prompt": "What does this passage say about: {{question}}?\n{{item.block}}"},
 *    {"id": "answer", "type": "answer", "cite": "search",
 *     "prompt": "Notes:\n{{notes.text}}\nAnswer: {{question}}"}]}
 * }</pre>
 */
public final class FlowParser {

  static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  private static final Set<String> FLOW_FIELDS = Set.of("id", "name", "description", "steps");

  private static final Set<String> CALL_FIELDS =
      Set.of("id", "type", "prompt", "system", "model", "max_tokens", "temperature");

  /** What each type of step may say; anything else is a typo the admin should hear about. */
  private static final Map<String, Set<String>> STEP_FIELDS =
      Map.of(
          "retrieve", Set.of("id", "type", "query", "k", "collections"),
          "generate", CALL_FIELDS,
          "for_each", plus(CALL_FIELDS, "over", "max"),
          "answer", plus(CALL_FIELDS, "cite"));

  static final int MAX_NAME = 100;

  static final int MAX_DESCRIPTION = 1000;

  static final int MAX_COLLECTIONS = 20;

  private final List<RuleMessage> problems = new ArrayList<>();

  private FlowParser() {}

  /**
   * @throws FlowRules listing every problem found
   */
  public static FlowDefinition parse(JsonObject json) {
    FlowParser parser = new FlowParser();
    FlowDefinition flow = parser.flow(json);
    if (flow != null) {
      parser.problems.addAll(FlowChecks.problems(flow));
    }
    if (!parser.problems.isEmpty()) {
      throw new FlowRules(parser.problems);
    }
    return flow;
  }

  private FlowDefinition flow(JsonObject json) {
    unknown(json, FLOW_FIELDS, "");
    String id = string(json, "id", "id");
    if (id != null && !ID.matcher(id).matches()) {
      problems.add(RuleMessage.of("flow.id.invalid"));
    }
    String name = bounded(string(json, "name", "name"), MAX_NAME, "name");
    String description =
        bounded(optionalString(json, "description", "description"), MAX_DESCRIPTION, "description");
    if (!(json.get("steps") instanceof JsonArray array) || array.isEmpty()) {
      problems.add(RuleMessage.of("flow.steps.missing"));
      return null;
    }
    List<FlowStep> steps = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String where = "steps[" + i + "]";
      if (!(array.get(i) instanceof JsonObject step)) {
        problems.add(RuleMessage.of("flow.step.not-object", where));
        continue;
      }
      FlowStep parsed = step(step, where);
      if (parsed != null) {
        steps.add(parsed);
      }
    }
    if (id == null || name == null || steps.size() != array.size()) {
      return null;
    }
    return new FlowDefinition(id, name, description, steps);
  }

  private FlowStep step(JsonObject json, String where) {
    String id = string(json, "id", where + ".id");
    String type = string(json, "type", where + ".type");
    if (id == null || type == null) {
      return null;
    }
    if (STEP_FIELDS.containsKey(type)) {
      unknown(json, STEP_FIELDS.get(type), where + ".");
    }
    return switch (type) {
      case "retrieve" -> retrieve(json, where, id);
      case "generate" -> {
        FlowStep.Prompt call = prompt(json, where);
        yield call == null ? null : new FlowStep.Generate(id, call);
      }
      case "for_each" -> forEach(json, where, id);
      case "answer" -> {
        FlowStep.Prompt call = prompt(json, where);
        String cite = optionalString(json, "cite", where + ".cite");
        yield call == null ? null : new FlowStep.Answer(id, call, cite);
      }
      default -> {
        problems.add(RuleMessage.of("flow.step.type-unknown", where, type));
        yield null;
      }
    };
  }

  private FlowStep retrieve(JsonObject json, String where, String id) {
    String query = optionalString(json, "query", where + ".query");
    PromptTemplate template = template(query == null ? "{{question}}" : query, where + ".query");
    Integer k = whole(json, "k", where + ".k");
    List<String> collections = new ArrayList<>();
    if (json.get("collections") instanceof JsonArray array) {
      if (array.size() > MAX_COLLECTIONS) {
        problems.add(RuleMessage.of("flow.collections.too-many", where, MAX_COLLECTIONS));
      }
      for (JsonValue value : array) {
        if (value instanceof JsonString s
            && !s.getString().isBlank()
            && s.getString().length() <= MAX_NAME) {
          collections.add(s.getString());
        } else {
          problems.add(RuleMessage.of("flow.collections.names", where));
        }
      }
    }
    return template == null ? null : new FlowStep.Retrieve(id, template, k, collections);
  }

  private FlowStep forEach(JsonObject json, String where, String id) {
    String over = string(json, "over", where + ".over");
    Integer max = whole(json, "max", where + ".max");
    FlowStep.Prompt call = prompt(json, where);
    if (over == null || call == null || (max == null && json.containsKey("max"))) {
      return null;
    }
    // no max at all: 0, which the checks report as the missing bound
    return new FlowStep.ForEach(id, over, max == null ? 0 : max, call);
  }

  private FlowStep.Prompt prompt(JsonObject json, String where) {
    String prompt = string(json, "prompt", where + ".prompt");
    String system = optionalString(json, "system", where + ".system");
    String model = optionalString(json, "model", where + ".model");
    Integer maxTokens = whole(json, "max_tokens", where + ".max_tokens");
    Double temperature = number(json, "temperature", where + ".temperature");
    PromptTemplate template = prompt == null ? null : template(prompt, where + ".prompt");
    PromptTemplate systemTemplate = system == null ? null : template(system, where + ".system");
    if (template == null || (system != null && systemTemplate == null)) {
      return null;
    }
    return new FlowStep.Prompt(template, systemTemplate, model, maxTokens, temperature);
  }

  private PromptTemplate template(String source, String where) {
    try {
      return PromptTemplate.of(source);
    } catch (FlowRules e) {
      problems.add(RuleMessage.of("flow.problem.at", where, e.explanation()));
      return null;
    }
  }

  private String bounded(String value, int max, String where) {
    if (value != null && value.length() > max) {
      problems.add(RuleMessage.of("flow.text.too-long", where, max));
    }
    return value;
  }

  private void unknown(JsonObject json, Set<String> known, String where) {
    json.keySet().stream()
        .filter(k -> !known.contains(k))
        .sorted()
        .forEach(
            k ->
                problems.add(
                    RuleMessage.of(
                        "flow.field.unknown", where + k, String.join(", ", new TreeSet<>(known)))));
  }

  private static Set<String> plus(Set<String> base, String... more) {
    Set<String> all = new HashSet<>(base);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }

  private String string(JsonObject json, String name, String where) {
    String value = optionalString(json, name, where);
    if (value == null && !(json.get(name) instanceof JsonValue v && v != JsonValue.NULL)) {
      problems.add(RuleMessage.of("flow.field.required", where));
    }
    return value;
  }

  private String optionalString(JsonObject json, String name, String where) {
    JsonValue value = json.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString s) || s.getString().isBlank()) {
      problems.add(RuleMessage.of("flow.field.text", where));
      return null;
    }
    return s.getString();
  }

  private Integer whole(JsonObject json, String name, String where) {
    JsonValue value = json.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
      problems.add(RuleMessage.of("flow.field.whole-number", where));
      return null;
    }
    return n.intValue();
  }

  private Double number(JsonObject json, String name, String where) {
    JsonValue value = json.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonNumber n)) {
      problems.add(RuleMessage.of("flow.field.number", where));
      return null;
    }
    return n.doubleValue();
  }
}
