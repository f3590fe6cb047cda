package org.wenjin.inference.application;

/**
 * One model's measured load.
 *
 * @param tokensPerSecond pieces of text streamed per second over the last ten seconds (a token
 *     each, give or take)
 * @param tokens pieces streamed since the model was loaded
 * @param waitP50Millis the median wait for a slot of the latest questions that had to wait
 * @param waitP95Millis their 95th percentile
 * @param batchSizes decoding steps the backend ran with n sequences at index n; empty when the
 *     backend does not batch by itself or does not say
 */
public record LaneMetrics(
    double tokensPerSecond,
    long tokens,
    long waitP50Millis,
    long waitP95Millis,
    long[] batchSizes) {

  public static final LaneMetrics NONE = new LaneMetrics(0, 0, 0, 0, new long[0]);
}
