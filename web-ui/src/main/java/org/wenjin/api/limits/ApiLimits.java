package org.wenjin.api.limits;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The API's limits, read once from MicroProfile Config (WildFly system properties or environment
 * variables such as {@code WENJIN_API_RATE_PER_MINUTE}; README lists them). A value that makes no
 * sense is logged and replaced by the default, so a typo cannot lock every user out.
 */
@ApplicationScoped
public class ApiLimits {

  static final String PREFIX = "wenjin.api.";
  static final String USER_PREFIX = PREFIX + "rate.user.";

  private static final Logger LOG = Logger.getLogger(ApiLimits.class.getName());
  private static final RateBudget DEFAULT_BUDGET = new RateBudget(300, 100);

  /** Callers tracked at most: far more than sign in within a minute, ~200 bytes each. */
  private static final int MAX_TRACKED_CALLERS = 100_000;

  @Inject private Config config;

  private long maxJsonBytes;
  private Duration askTimeout;
  private RateBudget budget;
  private CallerRateLimiter rate;

  @PostConstruct
  void read() {
    maxJsonBytes = 1024L * positive("max-json-kb", 1024);
    askTimeout = Duration.ofSeconds(positive("ask.timeout-seconds", 360));
    budget = budget(PREFIX + "rate.", DEFAULT_BUDGET);
    rate = new CallerRateLimiter(this::budgetOf, InstantSource.system(), MAX_TRACKED_CALLERS);
  }

  /** The largest body of any call but an upload. */
  public long maxJsonBytes() {
    return maxJsonBytes;
  }

  /** How long {@code POST /api/conversations} waits for the whole answer. */
  public Duration askTimeout() {
    return askTimeout;
  }

  public CallerRateLimiter rate() {
    return rate;
  }

  /**
   * A user's own budget ({@code wenjin.api.rate.user.<name>.per-minute}/{@code .burst}), if any.
   */
  private RateBudget budgetOf(String user) {
    return budget(USER_PREFIX + user + ".", budget);
  }

  private RateBudget budget(String prefix, RateBudget fallback) {
    int perMinute = value(prefix + "per-minute", fallback.perMinute());
    int burst = value(prefix + "burst", fallback.burst());
    try {
      return new RateBudget(perMinute, burst);
    } catch (IllegalArgumentException e) {
      LOG.warning(prefix + "*: " + e.getMessage() + "; using " + fallback);
      return fallback;
    }
  }

  private int positive(String key, int fallback) {
    int value = value(PREFIX + key, fallback);
    if (value < 1) {
      LOG.warning(PREFIX + key + " must be at least 1, not " + value + "; using " + fallback);
      return fallback;
    }
    return value;
  }

  private int value(String key, int fallback) {
    try {
      return config.getOptionalValue(key, Integer.class).orElse(fallback);
    } catch (IllegalArgumentException e) {
      LOG.warning(key + " is not a whole number; using " + fallback);
      return fallback;
    }
  }
}
