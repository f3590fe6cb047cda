package org.wenjin.inference.interfaces;

import java.io.Serializable;

/**
 * One model's pool: slots, answers being generated, questions waiting, and what it measured ({@link
 * org.wenjin.inference.application.LaneMetrics}: tokens per second, waits for a slot in
 * milliseconds, decoding steps per batch size).
 */
public record ModelLoadDto(
    String id,
    String label,
    int slots,
    int active,
    int queued,
    double tokensPerSecond,
    long tokens,
    long waitP50Millis,
    long waitP95Millis,
    long[] batchSizes)
    implements Serializable {

  /** The batch size the backend's decoding steps had on average; 0 when it does not say. */
  public double meanBatchSize() {
    long steps = 0;
    long rows = 0;
    for (int n = 0; n < batchSizes.length; n++) {
      steps += batchSizes[n];
      rows += n * batchSizes[n];
    }
    return steps == 0 ? 0 : rows / (double) steps;
  }
}
