package org.wenjin.tenancy.application;

import java.util.concurrent.Callable;
import org.wenjin.persistence.tenancy.TenantScope;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.domain.TenantRuleViolation;

/**
 * Holds the {@link ActingCaller} of the current thread and, with it, Hibernate's tenant ({@link
 * TenantScope}), so the two never disagree. Entered by the {@code TenantScoped} interceptor.
 */
public final class CallerScope {

  private static final ThreadLocal<ActingCaller> CURRENT = new ThreadLocal<>();

  private CallerScope() {}

  public static ActingCaller current() {
    ActingCaller caller = CURRENT.get();
    if (caller == null) {
      throw new TenantRuleViolation(RuleMessage.of("tenancy.caller.none"));
    }
    return caller;
  }

  public static <T> T call(ActingCaller caller, Callable<T> work) throws Exception {
    ActingCaller previous = CURRENT.get();
    CURRENT.set(caller);
    try {
      return TenantScope.call(
          caller.tenantId(),
          () -> {
            try {
              return work.call();
            } catch (Exception e) {
              throw new Wrapped(e);
            }
          });
    } catch (Wrapped w) {
      throw w.exception;
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Carries a checked exception through {@link TenantScope#call}'s supplier. */
  private static final class Wrapped extends RuntimeException {
    final Exception exception;

    Wrapped(Exception exception) {
      super(exception);
      this.exception = exception;
    }
  }
}
