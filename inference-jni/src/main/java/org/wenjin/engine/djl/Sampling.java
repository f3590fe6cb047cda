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
      if (Float.isNaN(logits[from + best])) {
        throw new IllegalStateException("the model's scores are not numbers (NaN)");
      }
      return best;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      max = Math.max(max, logits[from + i]);
    }
    // Only tokens within e^-16 of the likeliest can matter (the rest hold under 3e-3 of the mass
    // together, even over 21,128 tokens); they are sorted as primitive keys, probability bits
    // above the token id, so a step of a batch costs microseconds per answer, not a boxed sort.
    double floor = max - 16 * options.temperature();
    long[] keys = new long[size];
    int n = 0;
    double sum = 0;
    for (int i = 0; i < size; i++) {
      if (logits[from + i] >= floor) {
        float p = (float) Math.exp((logits[from + i] - max) / options.temperature());
        keys[n++] = ((long) Float.floatToIntBits(p) << 32) | i;
        sum += p;
      }
    }
    if (n == 0) {
      throw new IllegalStateException("the model's scores are not numbers (NaN)");
    }
    Arrays.sort(keys, 0, n);
    double nucleus = 0;
    int kept = 0;
    while (kept < n && nucleus < options.topP() * sum) {
      nucleus += probability(keys[n - 1 - kept++]);
    }
    double r = ThreadLocalRandom.current().nextDouble() * nucleus;
    for (int k = 0; k < kept; k++) {
      long key = keys[n - 1 - k];
      r -= probability(key);
      if (r <= 0) {
        return (int) key;
      }
    }
    return (int) keys[n - kept];
  }

  private static float probability(long key) {
    return Float.intBitsToFloat((int) (key >>> 32));
  }
}
