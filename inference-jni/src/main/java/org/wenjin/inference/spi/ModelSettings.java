package org.wenjin.inference.spi;

import java.util.Map;
import java.util.Optional;

/**
 * How an operator registered a model: its id, the backend that runs it and backend-specific
 * properties (a path, a URL, an API key reference...).
 */
public record ModelSettings(String id, String backend, Map<String, String> properties) {

  public ModelSettings {
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException("model id must be 1-64 letters, digits, '.', '_' or '-'");
    }
    if (backend == null || backend.isBlank()) {
      throw new IllegalArgumentException("model " + id + " names no backend");
    }
    properties = Map.copyOf(properties);
  }

  public Optional<String> property(String name) {
    return Optional.ofNullable(properties.get(name)).filter(v -> !v.isBlank());
  }

  public String required(String name) {
    return property(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "model " + id + " (" + backend + ") needs the property '" + name + "'"));
  }
}
