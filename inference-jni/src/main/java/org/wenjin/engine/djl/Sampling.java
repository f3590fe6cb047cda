package org.wenjin.engine.djl;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.wenjin.engine.spi.GenerationOptions;

/** Picks the next token from a row of logits by the request's own sampling options. */
final class Sampling {

  private Sampling() {}

  /** Greedy at temperature 0, else nucleus sampling (top-p) from the tempered distribution. */
  static int pick(float[] logits, GenerationOptions options) {
    return pick(logits, 0, logits.length, options);
  }

  /** The same over {@code logits[from .. from + size)}: one row of a batch's logits. */
  static int pick(float[] logits, int from, int size, GenerationOptions options) {
    if (options.temperature() == 0) {
      int best = 0;
      for (int i = 1; i < size; i++) {
        if (logits[from + i] > logits[from + best]) {
          best = i;
        }
      }
      return best;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      max = Math.max(max, logits[from + i]);
    }
    double[] p = new double[size];
    double sum = 0;
    for (int i = 0; i < size; i++) {
      p[i] = Math.exp((logits[from + i] - max) / options.temperature());
      sum += p[i];
    }
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
    double nucleus = 0;
    int kept = 0;
    while (kept < size && nucleus < options.topP() * sum) {
      nucleus += p[order[kept++]];
    }
    double r = ThreadLocalRandom.current().nextDouble() * nucleus;
    for (int i = 0; i < kept; i++) {
      r -= p[order[i]];
      if (r <= 0) {
        return order[i];
      }
    }
    return order[kept - 1];
  }
}
