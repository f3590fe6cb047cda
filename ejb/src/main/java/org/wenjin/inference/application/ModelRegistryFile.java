package org.wenjin.inference.application;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.wenjin.engine.spi.ModelSettings;

/**
 * Reads the operator's model registry, a properties file:
 *
 * <pre>
 * model.qwen.backend=openai
 * model.qwen.label=Qwen2.5 7B (vLLM)
 * model.qwen.url=http://127.0.0.1:8000/v1
 * model.qwen.model=Qwen/Qwen2.5-7B-Instruct
 * model.qwen.slots=4
 * default=qwen
 * </pre>
 *
 * {@code label}, {@code slots}, {@code queue}, {@code wait-seconds} and {@code timeout-seconds} are
 * the pool's; every other property goes to the backend. A value starting with {@code ./} or {@code
 * ../} is a path relative to the registry file's folder. The extractive fallback is always
 * registered as {@code extractive}, so a fresh install answers without weights.
 */
public final class ModelRegistryFile {

  public static final String FALLBACK_ID = "extractive";

  private ModelRegistryFile() {}

  public record Registry(List<RegisteredModel> models, String defaultModel) {}

  public static Registry parse(Properties file) {
    return parse(file, null);
  }

  /**
   * @param folder where the file lies, for relative paths; null when it has none
   */
  public static Registry parse(Properties file, Path folder) {
    Map<String, Map<String, String>> byId = new TreeMap<>();
    for (String key : file.stringPropertyNames()) {
      if (!key.startsWith("model.")) {
        continue;
      }
      int dot = key.indexOf('.', "model.".length());
      if (dot < 0) {
        throw new IllegalArgumentException(
            "model registry: '" + key + "' is not model.<id>.<name>");
      }
      byId.computeIfAbsent(key.substring("model.".length(), dot), id -> new HashMap<>())
          .put(key.substring(dot + 1), resolve(file.getProperty(key).trim(), folder));
    }
    List<RegisteredModel> models = new ArrayList<>();
    if (!byId.containsKey(FALLBACK_ID)) {
      models.add(fallback());
    }
    byId.forEach((id, properties) -> models.add(model(id, properties)));
    String named = file.getProperty("default", "").trim();
    if (!named.isEmpty() && models.stream().noneMatch(m -> m.id().equals(named))) {
      throw new IllegalArgumentException(
          "model registry: default=" + named + " names no registered model");
    }
    String defaultModel =
        !named.isEmpty()
            ? named
            : models.stream()
                .map(RegisteredModel::id)
                .filter(id -> !id.equals(FALLBACK_ID))
                .findFirst()
                .orElse(FALLBACK_ID);
    return new Registry(List.copyOf(models), defaultModel);
  }

  public static RegisteredModel fallback() {
    return new RegisteredModel(
        "Document quotes (no LLM)",
        new ModelSettings(FALLBACK_ID, "extractive", Map.of()),
        LaneLimits.defaults());
  }

  private static RegisteredModel model(String id, Map<String, String> properties) {
    Map<String, String> backend = new HashMap<>(properties);
    String label = orDefault(backend.remove("label"), id);
    LaneLimits defaults = LaneLimits.defaults();
    LaneLimits limits =
        new LaneLimits(
            number(id, "slots", backend.remove("slots"), defaults.slots()),
            number(id, "queue", backend.remove("queue"), defaults.maxQueued()),
            Duration.ofSeconds(number(id, "wait-seconds", backend.remove("wait-seconds"), 120)),
            Duration.ofSeconds(
                number(id, "timeout-seconds", backend.remove("timeout-seconds"), 300)));
    return new RegisteredModel(
        label, new ModelSettings(id, backend.remove("backend"), backend), limits);
  }

  private static int number(String id, String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "model registry: model." + id + "." + name + "=" + value + " is not a number");
    }
  }

  private static String resolve(String value, Path folder) {
    boolean relative = value.startsWith("./") || value.startsWith("../");
    return relative && folder != null ? folder.resolve(value).normalize().toString() : value;
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
