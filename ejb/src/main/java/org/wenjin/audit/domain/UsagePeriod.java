package org.wenjin.audit.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.wenjin.platform.text.RuleMessage;

/**
 * Whole UTC days, {@code firstDay} to {@code lastDay} inclusive: the span of a usage overview. UTC
 * because the audit records instants and a company's people may sit in several time zones; the
 * Audit page's day filter counts the same days.
 */
public record UsagePeriod(LocalDate firstDay, LocalDate lastDay) {

  public static final int MAX_DAYS = 365;

  public UsagePeriod {
    if (lastDay.isBefore(firstDay)) {
      throw new IllegalArgumentException(firstDay + " is after " + lastDay);
    }
  }

  /** The last {@code days} UTC days up to and including the day of {@code now}. */
  public static UsagePeriod lastDays(int days, Instant now) {
    if (days < 1 || days > MAX_DAYS) {
      throw new AuditRules(RuleMessage.of("audit.usage.days", MAX_DAYS));
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return new UsagePeriod(today.minusDays(days - 1L), today);
  }

  /** The first instant inside the period. */
  public Instant from() {
    return firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The first instant after the period (exclusive bound). */
  public Instant to() {
    return lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public int days() {
    return (int) (lastDay.toEpochDay() - firstDay.toEpochDay()) + 1;
  }
}
