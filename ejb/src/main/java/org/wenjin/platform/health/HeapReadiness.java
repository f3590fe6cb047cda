package org.wenjin.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready when the heap stays nearly full after garbage collection, or when the collector takes
 * most of the server's time: such a server answers at a crawl (or is past an {@code
 * OutOfMemoryError}), so a load balancer should send the users elsewhere. Measures the old
 * generation as the last collection of it left it, against the heap's maximum, and the share of
 * wall time spent collecting since the previous check (checks come every few seconds).
 */
@Readiness
@ApplicationScoped
public class HeapReadiness implements HealthCheck, NodeLocal {

  /** Above this share of the heap still in use after a collection, the server is not ready. */
  static final double MAX_RETAINED = 0.90;

  /** Above this share of the time spent collecting, the server is not ready. */
  static final double MAX_GC_SHARE = 0.50;

  /** A shorter interval between checks says too little about the collector's share. */
  private static final long MIN_INTERVAL_NANOS = 2_000_000_000L;

  private long lastWall = System.nanoTime();
  private long lastGcMillis = gcMillis();
  private double gcShare;

  @Override
  public HealthCheckResponse call() {
    long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    long retained = retainedAfterGc();
    double share = gcShare();
    return HealthCheckResponse.named("heap")
        .status(healthy(retained, max) && share <= MAX_GC_SHARE)
        .withData("retainedAfterGcMb", retained >> 20)
        .withData("maxMb", max >> 20)
        .withData("gcTimePercent", Math.round(share * 100))
        .build();
  }

  static boolean healthy(long retainedAfterGc, long max) {
    return max <= 0 || retainedAfterGc <= MAX_RETAINED * max;
  }

  /** The collectors' share of wall time since the previous measurement (kept when too recent). */
  private synchronized double gcShare() {
    long now = System.nanoTime();
    if (now - lastWall >= MIN_INTERVAL_NANOS) {
      long gc = gcMillis();
      gcShare = share(gc - lastGcMillis, (now - lastWall) / 1_000_000);
      lastWall = now;
      lastGcMillis = gc;
    }
    return gcShare;
  }

  static double share(long gcMillis, long wallMillis) {
    return wallMillis <= 0 ? 0 : Math.min(1, (double) gcMillis / wallMillis);
  }

  /**
   * Collection time of all collectors; with G1 the young and mixed pauses plus the concurrent
   * cycle's, which overlap the application but still take its cores.
   */
  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** The tenured pools' usage after their last collection (0 before the first one). */
  private static long retainedAfterGc() {
    long retained = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage after = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
      if (after != null && pool.isUsageThresholdSupported()) { // eden/survivor support neither
        retained += after.getUsed();
      }
    }
    return retained;
  }
}
