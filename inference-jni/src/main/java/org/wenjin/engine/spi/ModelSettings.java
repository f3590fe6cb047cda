package org.wenjin.engine.spi;

import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * A whole-number property, or {@code fallback} when it is not set.
   *
   * @throws IllegalArgumentException when it is not a number of at least {@code least}
   */
  public int number(String name, int fallback, int least) {
    String value = property(name).orElse(String.valueOf(fallback));
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= least) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "model "
            + id
            + ": "
            + name
            + " must be a whole number of at least "
            + least
            + ", got '"
            + value
            + "'");
  }

  /**
   * A property naming a file that must exist and be readable.
   *
   * @throws IllegalArgumentException when it is missing or the file cannot be read
   */
  public Path readableFile(String name) {
    Path path = Path.of(required(name));
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException(
          "model " + id + ": " + name + " file " + path + " is not readable");
    }
    return path;
  }
}
