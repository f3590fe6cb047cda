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
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A flow as an admin writes it: JSON, or YAML (YAML 1.2, built into maps, lists and scalars only;
 * aliases bounded, duplicate keys refused). Both become the same JSON, which is what is stored and
 * parsed; {@link #yaml} writes a flow back as YAML for the editor.
 */
public final class FlowSource {

  /** Characters of a flow's text, in either format. */
  public static final int MAX_LENGTH = 100_000;

  public enum Format {
    JSON,
    YAML
  }

  private static final LoadSettings LOAD =
      LoadSettings.builder()
          .setLabel("flow")
          .setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(20)
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

  /** JSON when the text starts with '{', YAML otherwise. */
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
      throw new FlowRules("the flow is empty: write it as JSON or YAML");
    }
    if (text.length() > MAX_LENGTH) {
      throw new FlowRules("the flow is longer than " + MAX_LENGTH + " characters");
    }
    return formatOf(text) == Format.JSON ? fromJson(text) : fromYaml(text);
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
          "not valid JSON at line "
              + at.getLineNumber()
              + ", column "
              + at.getColumnNumber()
              + ": "
              + e.getMessage());
    } catch (JsonException e) {
      throw new FlowRules("not valid JSON: " + e.getMessage());
    }
  }

  private static JsonObject fromYaml(String text) {
    Object loaded;
    try {
      loaded = new Load(LOAD).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new FlowRules("not valid YAML: " + e.getMessage().replaceAll("\\s+", " ").strip());
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new FlowRules("a flow is an object with an id, a name and steps");
    }
    return object(map);
  }

  private static JsonObject object(Map<?, ?> map) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    map.forEach((k, v) -> object.add(String.valueOf(k), value(v)));
    return object.build();
  }

  private static JsonValue value(Object v) {
    return switch (v) {
      case null -> JsonValue.NULL;
      case Map<?, ?> m -> object(m);
      case List<?> l -> {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        l.forEach(e -> array.add(value(e)));
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
