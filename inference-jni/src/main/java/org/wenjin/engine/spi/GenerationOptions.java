package org.wenjin.engine.spi;

import java.util.List;

/**
 * Sampling limits of one generation. {@code stop} sequences end the answer without being part of
 * it.
 */
public record GenerationOptions(int maxTokens, double temperature, double topP, List<String> stop) {

  public GenerationOptions {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 1");
    }
    if (temperature < 0 || temperature > 2) {
      throw new IllegalArgumentException("temperature must be between 0 and 2");
    }
    if (topP <= 0 || topP > 1) {
      throw new IllegalArgumentException("topP must be in (0, 1]");
    }
    stop = List.copyOf(stop);
  }

  /** Defaults that suit answering questions: fairly deterministic, room for a long answer. */
  public static GenerationOptions defaults() {
    return new GenerationOptions(1024, 0.3, 0.9, List.of());
  }
}
