package org.wenjin.audit.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import org.wenjin.audit.domain.ExchangeTally;
import org.wenjin.audit.domain.ModelUsage;
import org.wenjin.audit.domain.UsageFigures;
import org.wenjin.audit.domain.UsagePeriod;
import org.wenjin.tenancy.application.CallerScope;

/**
 * Counts from the audit trail of the caller's company, without a transaction like the auditor's
 * reading ({@link DefaultAuditTrail}): committed events only, and no lock held while it counts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultUsageOverview implements UsageOverview {

  static final int TOP_DOCUMENTS = 10;
  static final int UNANSWERED = 50;

  private final Clock clock = Clock.systemUTC();

  @Inject private UsageFigures figures;

  @Override
  public Report lastDays(int days) {
    UsagePeriod period = UsagePeriod.lastDays(days, clock.instant());
    long tenant = CallerScope.current().tenantId();
    // days, users and models come from one pass, so the chart, the cards and the per-model
    // table agree even while new answers are recorded
    ExchangeTally tally = new ExchangeTally(period);
    figures.forEachExchange(tenant, period, tally::add);
    return new Report(
        period,
        tally.days(),
        tally.questions(),
        tally.activeUsers(),
        ModelUsage.of(tally.questionsPerModel(), figures.ratingsPerModel(tenant, period)),
        figures.topCitedDocuments(tenant, period, TOP_DOCUMENTS),
        figures.unansweredCount(tenant, period),
        figures.latestUnanswered(tenant, period, UNANSWERED));
  }
}
