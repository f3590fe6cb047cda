package org.wenjin.audit.application;

import java.util.List;
import org.wenjin.audit.domain.ExchangeTally;
import org.wenjin.audit.domain.ModelUsage;
import org.wenjin.audit.domain.UsageFigures;
import org.wenjin.audit.domain.UsagePeriod;

/** How the company the caller acts for uses the assistant, for its tenant admins. */
public interface UsageOverview {

  int DEFAULT_DAYS = 30;

  /**
   * The figures of one period.
   *
   * @param questions exchanges (answers given) in the period; a regenerated answer counts again
   * @param activeUsers different people who asked at least once
   * @param unansweredCount exchanges in which the model was given no passage of the documents
   * @param unanswered the latest of those, newest first
   */
  record Report(
      UsagePeriod period,
      List<ExchangeTally.Day> days,
      long questions,
      int activeUsers,
      List<ModelUsage> models,
      List<UsageFigures.CitedDocument> topDocuments,
      long unansweredCount,
      List<UsageFigures.Unanswered> unanswered) {

    /** Ratings in the period, over every model. */
    public long ratings() {
      return models.stream().mapToLong(ModelUsage::ratings).sum();
    }

    /** From −1 to +1; null without ratings. */
    public Double averageRating() {
      return ModelUsage.average(ratings(), models.stream().mapToLong(ModelUsage::ratingSum).sum());
    }
  }

  /**
   * The last {@code days} UTC days, today included.
   *
   * @throws org.wenjin.audit.domain.AuditRules unless 1 ≤ days ≤ 365
   */
  Report lastDays(int days);
}
