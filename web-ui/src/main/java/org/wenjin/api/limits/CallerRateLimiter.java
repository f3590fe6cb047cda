package org.wenjin.api.limits;

import java.time.InstantSource;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A {@link TokenBucket} per caller, created on the first request. Memory stays bounded without a
 * timer thread: now and then (and whenever too many callers are tracked) the buckets that have
 * filled up again are dropped, since a full bucket is exactly what a new one would be.
 */
public final class CallerRateLimiter {

  static final long SWEEP_EVERY_MILLIS = 60_000;

  private final Function<String, RateBudget> budgets;
  private final InstantSource clock;
  private final int maxTracked;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong nextSweep;

  /**
   * @param budgets each caller's budget, asked once per bucket (so per-user settings apply after
   *     the caller's bucket was dropped, a minute or so after they stop)
   * @param maxTracked buckets kept at most; over it, the sweep also drops some that are not full
   */
  public CallerRateLimiter(
      Function<String, RateBudget> budgets, InstantSource clock, int maxTracked) {
    this.budgets = budgets;
    this.clock = clock;
    this.maxTracked = maxTracked;
    this.nextSweep = new AtomicLong(clock.millis() + SWEEP_EVERY_MILLIS);
  }

  /**
   * Counts one request of {@code caller}.
   *
   * @return 0 when it may go ahead, else the whole seconds (at least 1) to wait: the Retry-After
   */
  public long acquire(String caller) {
    long now = clock.millis();
    sweepIfDue(now);
    long waitMillis =
        buckets.computeIfAbsent(caller, c -> new TokenBucket(budgets.apply(c), now)).tryTake(now);
    return waitMillis == 0 ? 0 : Math.max(1, (waitMillis + 999) / 1000);
  }

  /** The budget that applies to {@code caller}, for the message of a refusal. */
  public RateBudget budget(String caller) {
    return budgets.apply(caller);
  }

  int tracked() {
    return buckets.size();
  }

  private void sweepIfDue(long now) {
    long due = nextSweep.get();
    boolean crowded = buckets.size() > maxTracked;
    // one thread sweeps; the others carry on. A request racing the sweep may take its token from
    // a bucket being dropped: at most one extra request per caller and sweep.
    if ((now >= due || crowded) && nextSweep.compareAndSet(due, now + SWEEP_EVERY_MILLIS)) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
      if (buckets.size() > maxTracked) {
        // still crowded (a flood of distinct callers): forget some partly used buckets, down to
        // 90% so the next new caller does not trigger another sweep at once. Those callers get a
        // fresh burst; memory stays bounded, which matters more.
        Iterator<TokenBucket> some = buckets.values().iterator();
        int excess = buckets.size() - maxTracked * 9 / 10;
        while (excess-- > 0 && some.hasNext()) {
          some.next();
          some.remove();
        }
      }
    }
  }
}
