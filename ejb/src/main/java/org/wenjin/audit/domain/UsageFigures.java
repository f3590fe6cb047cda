package org.wenjin.audit.domain;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a company's audit trail says about its use over a period, counted where the database counts
 * portably (H2 and PostgreSQL alike) and handed out row by row where it would need vendor date
 * functions (per day). Every method names the company.
 */
public interface UsageFigures {

  /** One answer given: when, to whom, by which model. */
  record Asked(Instant at, String user, String model) {}

  /**
   * Ratings of one model's answers: how many and their sum (+1 up, −1 down). A turn rated more than
   * once counts once, with its latest rating in the period: people change their mind.
   */
  record ModelRatings(String model, long ratings, long sum) {}

  /**
   * A document the answers cited, in how many exchanges; its title as the latest of them showed it
   * (null if that exchange's detail does not say).
   */
  record CitedDocument(long documentId, String title, long exchanges) {}

  /** An exchange in which the model was given no passage of the company's documents. */
  record Unanswered(long eventId, Instant at, String user, String question, String model) {}

  /** Hands every exchange of the period to {@code sink}, a batch at a time (memory stays flat). */
  void forEachExchange(long tenantId, UsagePeriod period, Consumer<Asked> sink);

  List<ModelRatings> ratingsPerModel(long tenantId, UsagePeriod period);

  /** The documents cited by the most exchanges of the period, most first. */
  List<CitedDocument> topCitedDocuments(long tenantId, UsagePeriod period, int limit);

  long unansweredCount(long tenantId, UsagePeriod period);

  /** The latest unanswered exchanges of the period, newest first. */
  List<Unanswered> latestUnanswered(long tenantId, UsagePeriod period, int limit);
}
