package org.wenjin.api.limits;

/**
 * How many requests a caller may make: {@code perMinute} on average, {@code burst} at once after a
 * quiet spell. {@code perMinute} 0 means no limit (for a trusted service account, or a soak test).
 */
public record RateBudget(int perMinute, int burst) {

  public RateBudget {
    if (perMinute < 0 || (perMinute > 0 && burst < 1)) {
      throw new IllegalArgumentException(
          "A rate budget needs per-minute >= 0 (0: unlimited) and burst >= 1, not "
              + perMinute
              + " and "
              + burst);
    }
  }

  public boolean unlimited() {
    return perMinute == 0;
  }

  double tokensPerMilli() {
    return perMinute / 60_000.0;
  }
}
