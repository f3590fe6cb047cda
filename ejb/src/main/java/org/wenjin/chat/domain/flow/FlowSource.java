package org.wenjin.chat.domain.flow;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.wenjin.platform.text.RuleMessage;

/**
 * A flow as an admin writes it: JSON, or YAML (YAML 1.2, built into maps, lists and scalars only;
 * no anchors or aliases, which could multiply a small text into gigabytes or refer to itself;
 * duplicate keys refused; nested at most {@value #MAX_DEPTH} deep). Both become the same JSON,
 * which is what is stored and parsed; {@link #yaml} writes a flow back as YAML for the editor.
 */
public final class FlowSource {

  /** Characters of a flow's text, in either format. */
  public static final int MAX_LENGTH = 100_000;

  /** Levels of nesting: a flow needs four (flow, steps, a step, its collections). */
  static final int MAX_DEPTH = 8;

  public enum Format {
    JSON,
    YAML
  }

  private static final LoadSettings LOAD =
      LoadSettings.builder()
          .setLabel("flow")
          .setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(1)
          .setCodePointLimit(MAX_LENGTH * 2)
          .build();

  private static final DumpSettings DUMP =
      DumpSettings.builder()
          .setDefaultFlowStyle(FlowStyle.BLOCK)
          .setWidth(100)
          .setSplitLines(false)
          .build();

  private static final JsonWriterFactory PRETTY =
      JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private FlowSource() {}

  /**
   * JSON when the text starts with '{', YAML otherwise (YAML's flow style, which also starts with
   * '{', reads as JSON and is told so: the JSON error is the helpful one for a JSON flow).
   */
  public static Format formatOf(String text) {
    return text.strip().startsWith("{") ? Format.JSON : Format.YAML;
  }

  /**
   * The flow in {@code text}, checked.
   *
   * @throws FlowRules for text that is not a flow, saying where
   */
  public static FlowDefinition parse(String text) {
    return FlowParser.parse(json(text));
  }

  /**
   * The text as a JSON object, unchecked as a flow.
   *
   * @throws FlowRules for text that is neither JSON nor YAML of an object, or too long
   */
  public static JsonObject json(String text) {
    if (text == null || text.isBlank()) {
      throw new FlowRules(RuleMessage.of("flow.source.empty"));
    }
    if (text.length() > MAX_LENGTH) {
      throw new FlowRules(RuleMessage.of("flow.source.too-long", MAX_LENGTH));
    }
    JsonObject json = formatOf(text) == Format.JSON ? fromJson(text) : fromYaml(text);
    depth(json, 1);
    return json;
  }

  private static void depth(JsonValue value, int level) {
    if (level > MAX_DEPTH) {
      throw new FlowRules(RuleMessage.of("flow.source.too-deep", MAX_DEPTH));
    }
    switch (value.getValueType()) {
      case OBJECT -> value.asJsonObject().values().forEach(v -> depth(v, level + 1));
      case ARRAY -> value.asJsonArray().forEach(v -> depth(v, level + 1));
      default -> {}
    }
  }

  /** The flow as indented JSON, as the editor shows and the database keeps it. */
  public static String prettyJson(JsonObject flow) {
    StringWriter out = new StringWriter();
    try (var writer = PRETTY.createWriter(out)) {
      writer.writeObject(flow);
    }
    return out.toString().strip() + "\n";
  }

  public static String yaml(JsonObject flow) {
    return new Dump(DUMP).dumpToString(plain(flow));
  }

  public static String as(Format format, JsonObject flow) {
    return format == Format.JSON ? prettyJson(flow) : yaml(flow);
  }

  private static JsonObject fromJson(String text) {
    try (var reader = JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonParsingException e) {
      var at = e.getLocation();
      throw new FlowRules(
          RuleMessage.of(
              "flow.source.json-at",
              at.getLineNumber(),
              at.getColumnNumber(),
              e.getMessage(),
              "{")); // a brace in the bundle would start an argument
    } catch (JsonException e) {
      throw new FlowRules(RuleMessage.of("flow.source.json-invalid", e.getMessage()));
    } catch (RuntimeException e) { // Parsson's own limits ("too deeply nested")
      throw new FlowRules(RuleMessage.of("flow.source.not-json-flow", e.getMessage()));
    }
  }

  private static JsonObject fromYaml(String text) {
    Object loaded;
    try {
      for (Event event : new Parse(LOAD).parseString(text)) {
        if (event instanceof AliasEvent
            || (event instanceof NodeEvent node && node.getAnchor().isPresent())) {
          throw new FlowRules(
              event
                  .getStartMark()
                  .map(m -> RuleMessage.of("flow.yaml.anchors-at", m.getLine() + 1))
                  .orElse(RuleMessage.of("flow.yaml.anchors")));
        }
      }
      loaded = new Load(LOAD).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new FlowRules(
          RuleMessage.of("flow.yaml.invalid", e.getMessage().replaceAll("\\s+", " ").strip()));
    } catch (StackOverflowError e) { // [[[[…]]]] thousands deep: the parser recurses per level

      throw new FlowRules(RuleMessage.of("flow.source.nested-too-deeply"));
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new FlowRules(RuleMessage.of("flow.source.not-object"));
    }
    return object(map);
  }

  private static JsonObject object(Map<?, ?> map) {
    return object(map, 1);
  }

  private static JsonObject object(Map<?, ?> map, int level) {
    if (level > MAX_DEPTH) {
      throw new FlowRules(RuleMessage.of("flow.source.too-deep", MAX_DEPTH));
    }
    JsonObjectBuilder object = JSON.createObjectBuilder();
    map.forEach((k, v) -> object.add(String.valueOf(k), value(v, level)));
    return object.build();
  }

  private static JsonValue value(Object v, int level) {
    return switch (v) {
      case null -> JsonValue.NULL;
      case Map<?, ?> m -> object(m, level + 1);
      case List<?> l -> {
        if (level + 1 > MAX_DEPTH) {
          throw new FlowRules(RuleMessage.of("flow.source.too-deep", MAX_DEPTH));
        }
        JsonArrayBuilder array = JSON.createArrayBuilder();
        l.forEach(e -> array.add(value(e, level + 1)));
        yield array.build();
      }
      case Boolean b -> b ? JsonValue.TRUE : JsonValue.FALSE;
      case Integer i -> JSON.createValue(i);
      case Long l -> JSON.createValue(l);
      case BigInteger b -> JSON.createValue(b);
      case Double d when d.isNaN() || d.isInfinite() -> JSON.createValue(String.valueOf(d));
      case Number n -> JSON.createValue(new BigDecimal(n.toString()));
      default -> JSON.createValue(String.valueOf(v)); // dates, binary: as their text
    };
  }

  /** JSON values as the maps, lists and scalars the YAML writer knows. */
  private static Object plain(JsonValue v) {
    return switch (v.getValueType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        v.asJsonObject().forEach((k, e) -> map.put(k, plain(e)));
        yield map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        v.asJsonArray().forEach(e -> list.add(plain(e)));
        yield list;
      }
      case STRING -> ((jakarta.json.JsonString) v).getString();
      case NUMBER -> {
        var n = (jakarta.json.JsonNumber) v;
        yield n.isIntegral() ? (Object) n.longValue() : n.doubleValue();
      }
      case TRUE -> true;
      case FALSE -> false;
      case NULL -> null;
    };
  }
}
