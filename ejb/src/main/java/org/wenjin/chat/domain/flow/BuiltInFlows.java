package org.wenjin.chat.domain.flow;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The flows every company has from the start (ejb {@code resources/flows/*.json}), wenda's autos
 * redone as data: quick knowledge (today's answer), summarise-then-answer (wenda's 知识库 mode),
 * rewrite-then-search, outline-then-sections, and translation. A company edits copies; these stay.
 */
public final class BuiltInFlows {

  /** In the order a menu shows them. */
  static final List<String> IDS =
      List.of("knowledge", "knowledge-notes", "rewrite-search", "write-document", "translate");

  private static final Map<String, JsonObject> SOURCES =
      IDS.stream().collect(Collectors.toUnmodifiableMap(id -> id, BuiltInFlows::read));

  private static final List<FlowDefinition> ALL = IDS.stream().map(BuiltInFlows::load).toList();

  private BuiltInFlows() {}

  public static List<FlowDefinition> all() {
    return ALL;
  }

  public static Optional<FlowDefinition> find(String id) {
    return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /** Where each built-in flow's file is on the classpath. */
  public static List<String> resources() {
    return IDS.stream().map(id -> "flows/" + id + ".json").toList();
  }

  public static boolean isBuiltIn(String id) {
    return SOURCES.containsKey(id);
  }

  /** A built-in flow as its JSON file has it, for the editor. */
  public static Optional<JsonObject> source(String id) {
    return Optional.ofNullable(SOURCES.get(id));
  }

  /** The flow of a question that names none: today's grounded answer. */
  public static FlowDefinition standard() {
    return ALL.get(0);
  }

  private static JsonObject read(String id) {
    String resource = "/flows/" + id + ".json";
    try (InputStream in = BuiltInFlows.class.getResourceAsStream(resource);
        var reader = JSON.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException("built-in flow " + resource + " unreadable", e);
    }
  }

  private static FlowDefinition load(String id) {
    try {
      return FlowParser.parse(SOURCES.get(id));
    } catch (FlowRules e) {
      throw new IllegalStateException("built-in flow " + id + " is invalid: " + e.getMessage(), e);
    }
  }
}
