package org.wenjin.inference.application;

import java.time.Duration;

/**
 * How much one model takes on: generations at once, questions waiting, and how long a question may
 * wait for a slot and then take to answer.
 */
public record LaneLimits(int slots, int maxQueued, Duration maxWait, Duration maxGeneration) {

  public LaneLimits {
    if (slots < 1 || maxQueued < 0) {
      throw new IllegalArgumentException("a model needs at least one slot and a queue >= 0");
    }
  }

  public static LaneLimits defaults() {
    return new LaneLimits(4, 64, Duration.ofMinutes(2), Duration.ofMinutes(5));
  }
}
