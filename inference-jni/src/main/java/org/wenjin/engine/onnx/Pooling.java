package org.wenjin.engine.onnx;

import java.nio.FloatBuffer;
import java.util.Locale;

/** How one vector is made from the per-token vectors of the model's last layer. */
enum Pooling {
  /** The first token's vector (BGE). */
  CLS,
  /** The mean over the real (not padding) tokens (MiniLM, e5). */
  MEAN;

  static Pooling parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("pooling must be 'cls' or 'mean', got '" + value + "'");
    }
  }

  /**
   * Pools one text's hidden states and normalises to unit length.
   *
   * @param hidden {@code tokens × dims} values, row-major
   */
  float[] pool(FloatBuffer hidden, int tokens, int dims) {
    float[] v = new float[dims];
    int rows = this == CLS ? 1 : tokens;
    for (int t = 0; t < rows; t++) {
      for (int d = 0; d < dims; d++) {
        v[d] += hidden.get(t * dims + d);
      }
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float scale = norm == 0 ? 0f : (float) (1.0 / Math.sqrt(norm));
    for (int d = 0; d < dims; d++) {
      v[d] *= scale;
    }
    return v;
  }
}
