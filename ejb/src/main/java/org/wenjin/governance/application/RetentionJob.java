package org.wenjin.governance.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wenjin.governance.domain.GovernanceStore;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;

/**
 * Purges every company that limits retention, hourly. Each node's timer fires, but only the node
 * that claims the hour in the database ({@link GovernanceStore#claim}) runs it: once per node
 * group. A company whose purge fails is logged and retried at the next run; the others go on.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each company commits alone
public class RetentionJob {

  static final String JOB = "retention";

  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

  private static final Duration EVERY = Duration.ofMinutes(55);

  private final Clock clock = Clock.systemUTC();

  @Inject private GovernanceStore store;

  @Inject private Retention retention;

  @Schedule(hour = "*", minute = "17", persistent = false)
  void hourly() {
    Instant now = clock.instant();
    if (store.claim(JOB, now, EVERY)) {
      runFor(store.companiesRetaining(), now);
    }
  }

  /** One claimed period's run over {@code companies}. */
  public void runFor(List<Long> companies, Instant now) {
    for (long tenantId : companies) {
      // the company comes from its own policy row; the job acts as "retention" in its scope
      ActingCaller job = new ActingCaller(tenantId, "", 0L, JOB, Set.of(), List.of());
      try {
        var report = CallerScope.call(job, () -> retention.purgeByPolicy(tenantId, now, JOB));
        LOG.info(() -> "Retention purge of company " + tenantId + ": " + report);
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Retention purge of company " + tenantId + " failed", e);
      }
    }
  }
}
