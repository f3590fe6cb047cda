package org.wenjin.api.limits;

/**
 * One caller's allowance: a request takes a token; tokens come back at the budget's steady rate, up
 * to its burst. Time is passed in (milliseconds of any clock), so tests need not wait.
 */
final class TokenBucket {

  private final RateBudget budget;
  private double tokens;
  private long refilledAt;

  TokenBucket(RateBudget budget, long now) {
    this.budget = budget;
    this.tokens = budget.burst();
    this.refilledAt = now;
  }

  /** Takes a token: 0 when there was one, else the milliseconds until there is one. */
  synchronized long tryTake(long now) {
    if (budget.unlimited()) {
      return 0;
    }
    refill(now);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    // less a hair, so that binary fractions (0.6 / 0.001 = 600.0000000000001) do not add 1 ms
    return Math.max(1, (long) Math.ceil((1 - tokens) / budget.tokensPerMilli() - 1e-6));
  }

  /** Full again: forgetting this bucket and starting a new one would change nothing. */
  synchronized boolean isFull(long now) {
    if (budget.unlimited()) {
      return true;
    }
    refill(now);
    return tokens >= budget.burst();
  }

  private void refill(long now) {
    // a clock that steps back (NTP) must not take tokens away, nor give any
    if (now > refilledAt) {
      tokens = Math.min(budget.burst(), tokens + (now - refilledAt) * budget.tokensPerMilli());
      refilledAt = now;
    }
  }
}
