package org.wenjin.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerRateLimiterTest {

  /** The injected clock: tests move it, nothing sleeps. */
  private long now = 1_000_000;

  private final InstantSource clock = () -> Instant.ofEpochMilli(now);

  private final RateBudget standard = new RateBudget(60, 3);

  @Test
  void aCallerOverTheBudgetIsToldHowManySecondsToWait() {
    CallerRateLimiter limiter = new CallerRateLimiter(u -> standard, clock, 1000);

    assertThat(limiter.acquire("alice")).isZero();
    assertThat(limiter.acquire("alice")).isZero();
    assertThat(limiter.acquire("alice")).isZero();
    assertThat(limiter.acquire("alice")).isEqualTo(1);
    now += 1000;
    assertThat(limiter.acquire("alice")).isZero();
  }

  @Test
  void retryAfterRoundsUpToWholeSeconds() {
    CallerRateLimiter limiter = new CallerRateLimiter(u -> new RateBudget(2, 1), clock, 1000);
    limiter.acquire("bob");

    assertThat(limiter.acquire("bob")).as("one per 30 s").isEqualTo(30);
    now += 29_001;
    assertThat(limiter.acquire("bob")).as("1 ms left is still 1 s").isEqualTo(1);
  }

  @Test
  void oneCallerUsingUpTheirBudgetDoesNotLimitAnother() {
    CallerRateLimiter limiter = new CallerRateLimiter(u -> standard, clock, 1000);
    for (int i = 0; i < 10; i++) {
      limiter.acquire("alice");
    }

    assertThat(limiter.acquire("alice")).isPositive();
    assertThat(limiter.acquire("bob")).isZero();
  }

  @Test
  void eachCallerGetsTheirOwnBudget() {
    Map<String, RateBudget> special = Map.of("nightly-import", new RateBudget(0, 0));
    CallerRateLimiter limiter =
        new CallerRateLimiter(u -> special.getOrDefault(u, new RateBudget(60, 1)), clock, 1000);

    limiter.acquire("carol");
    assertThat(limiter.acquire("carol")).isPositive();
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.acquire("nightly-import")).isZero();
    }
    assertThat(limiter.budget("carol").burst()).isEqualTo(1);
  }

  @Test
  void bucketsThatFilledUpAgainAreForgottenAtTheNextSweep() {
    CallerRateLimiter limiter = new CallerRateLimiter(u -> standard, clock, 1000);
    for (int u = 0; u < 100; u++) {
      limiter.acquire("idle-" + u);
    }
    limiter.acquire("busy");
    limiter.acquire("busy");
    limiter.acquire("busy");
    assertThat(limiter.tracked()).isEqualTo(101);

    now += CallerRateLimiter.SWEEP_EVERY_MILLIS - 1_500; // "idle-*" refilled; "busy" keeps using
    limiter.acquire("busy");
    limiter.acquire("busy");
    limiter.acquire("busy");
    now += 1_500; // the sweep is due; "busy" has had 1.5 s: not full again
    limiter.acquire("newcomer");

    assertThat(limiter.tracked()).as("busy and newcomer").isEqualTo(2);
    assertThat(limiter.acquire("busy")).as("busy's bucket was kept, not reset").isZero();
    assertThat(limiter.acquire("busy")).isPositive();
  }

  @Test
  void aFloodOfDistinctCallersCannotGrowTheMapBeyondItsBound() {
    CallerRateLimiter limiter = new CallerRateLimiter(u -> standard, clock, 100);

    for (int u = 0; u < 10_000; u++) {
      limiter.acquire("caller-" + u); // none full again: the same instant
    }

    assertThat(limiter.tracked()).isLessThanOrEqualTo(101);
  }

  @Test
  void aBudgetThatLetsNobodyThroughIsRefused() {
    assertThatThrownBy(() -> new RateBudget(60, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateBudget(-1, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
