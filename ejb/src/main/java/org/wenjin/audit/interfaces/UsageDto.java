package org.wenjin.audit.interfaces;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wenjin.audit.application.UsageOverview;

/**
 * A company's usage over whole UTC days, {@code firstDay} to {@code lastDay}, as its tenant admin
 * reads it. Ratings average +1 (up) and −1 (down); null where there are none.
 *
 * @param questions answers given in the period (a regenerated answer counts again)
 * @param activeUsers different people who asked at least once
 * @param unansweredCount questions for which the model was given no passage of the documents
 * @param unanswered the latest of those, newest first (at most 50)
 */
public record UsageDto(
    LocalDate firstDay,
    LocalDate lastDay,
    long questions,
    int activeUsers,
    long ratings,
    Double averageRating,
    long unansweredCount,
    List<Day> days,
    List<Model> models,
    List<CitedDocument> topDocuments,
    List<Unanswered> unanswered)
    implements Serializable {

  /** One UTC day of the period; every day is there, quiet ones with zero. */
  public record Day(LocalDate date, long questions, int activeUsers) implements Serializable {}

  /** {@code model} is the model's id, null for answers that named none. */
  public record Model(String model, long questions, long ratings, Double averageRating)
      implements Serializable {}

  /** {@code title} as the latest citing answer showed it; null if unknown. */
  public record CitedDocument(long documentId, String title, long exchanges)
      implements Serializable {}

  public record Unanswered(long eventId, Instant at, String user, String question, String model)
      implements Serializable {}

  static UsageDto of(UsageOverview.Report r) {
    return new UsageDto(
        r.period().firstDay(),
        r.period().lastDay(),
        r.questions(),
        r.activeUsers(),
        r.ratings(),
        r.averageRating(),
        r.unansweredCount(),
        r.days().stream().map(d -> new Day(d.date(), d.questions(), d.activeUsers())).toList(),
        r.models().stream()
            .map(m -> new Model(m.model(), m.questions(), m.ratings(), m.averageRating()))
            .toList(),
        r.topDocuments().stream()
            .map(d -> new CitedDocument(d.documentId(), d.title(), d.exchanges()))
            .toList(),
        r.unanswered().stream()
            .map(u -> new Unanswered(u.eventId(), u.at(), u.user(), u.question(), u.model()))
            .toList());
  }
}
