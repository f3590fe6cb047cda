package org.wenjin.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready when the heap stays nearly full after garbage collection: such a server spends its time
 * collecting and answers at a crawl (or is past an {@code OutOfMemoryError}), so a load balancer
 * should send the users elsewhere. Measures the old generation as the last collection of it left
 * it, against the heap's maximum.
 */
@Readiness
@ApplicationScoped
public class HeapReadiness implements HealthCheck {

  /** Above this share of the heap still in use after a collection, the server is not ready. */
  static final double MAX_RETAINED = 0.90;

  @Override
  public HealthCheckResponse call() {
    long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    long retained = retainedAfterGc();
    return HealthCheckResponse.named("heap")
        .status(healthy(retained, max))
        .withData("retainedAfterGcMb", retained >> 20)
        .withData("maxMb", max >> 20)
        .build();
  }

  static boolean healthy(long retainedAfterGc, long max) {
    return max <= 0 || retainedAfterGc <= MAX_RETAINED * max;
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
