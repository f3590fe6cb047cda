package org.wenjin.persistence.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant that the current thread works for, as Hibernate sees it. Set by the application's
 * tenant interceptor (from the verified token) or around background work started for a tenant; read
 * by {@link ScopedTenantResolver} when a persistence context opens.
 */
public final class TenantScope {

  private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

  private TenantScope() {}

  public static Optional<Long> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Runs {@code work} for {@code tenantId}, restoring the previous scope afterwards. */
  public static <T> T call(long tenantId, Supplier<T> work) {
    Long previous = CURRENT.get();
    CURRENT.set(tenantId);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  public static void run(long tenantId, Runnable work) {
    call(
        tenantId,
        () -> {
          work.run();
          return null;
        });
  }
}
