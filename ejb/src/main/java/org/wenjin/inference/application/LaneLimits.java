package org.wenjin.inference.application;

import java.time.Duration;

/**
 * How much one model takes on: generations at once, questions waiting, how long a question may wait
 * for a slot and then take to answer, and the share of the waiting places one tenant may hold.
 *
 * @param tenantShare the fraction of {@code maxQueued} that one tenant's waiting questions may fill
 *     (at least one place): with 0.5, one company's flood leaves half the queue to the others
 */
public record LaneLimits(
    int slots, int maxQueued, Duration maxWait, Duration maxGeneration, double tenantShare) {

  /**
   * A tenant may hold at most half of a lane's waiting places
   * (wenjin.inference.tenant-queue-share).
   */
  public static final double DEFAULT_TENANT_SHARE = 0.5;

  public LaneLimits {
    if (slots < 1 || maxQueued < 0) {
      throw new IllegalArgumentException("a model needs at least one slot and a queue >= 0");
    }
    checkTenantShare(tenantShare);
  }

  /** Limits where one tenant may fill the whole queue (the pool sets the configured share). */
  public LaneLimits(int slots, int maxQueued, Duration maxWait, Duration maxGeneration) {
    this(slots, maxQueued, maxWait, maxGeneration, 1.0);
  }

  public static LaneLimits defaults() {
    return new LaneLimits(
        4, 64, Duration.ofMinutes(2), Duration.ofMinutes(5), DEFAULT_TENANT_SHARE);
  }

  public LaneLimits withTenantShare(double share) {
    return new LaneLimits(slots, maxQueued, maxWait, maxGeneration, share);
  }

  /** The waiting places one tenant may hold: its share of the queue, rounded down, at least one. */
  public int maxQueuedPerTenant() {
    return Math.max(1, (int) Math.floor(maxQueued * tenantShare));
  }

  /**
   * @throws IllegalArgumentException unless {@code share} is more than 0 and at most 1
   */
  public static double checkTenantShare(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "a tenant's share of a model's queue must be more than 0 and at most 1, not " + share);
    }
    return share;
  }
}
