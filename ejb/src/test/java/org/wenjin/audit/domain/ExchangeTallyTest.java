package org.wenjin.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wenjin.audit.domain.ExchangeTally.Day;
import org.wenjin.audit.domain.UsageFigures.Asked;

class ExchangeTallyTest {

  private static final LocalDate FIRST = LocalDate.parse("2026-11-28");

  private final ExchangeTally tally = new ExchangeTally(new UsagePeriod(FIRST, FIRST.plusDays(4)));

  @Test
  void everyDayOfThePeriodIsThereQuietDaysWithZero() {
    ask("2026-11-29T09:00:00Z", "alice");

    assertThat(tally.days())
        .containsExactly(
            new Day(FIRST, 0, 0),
            new Day(FIRST.plusDays(1), 1, 1),
            new Day(FIRST.plusDays(2), 0, 0),
            new Day(FIRST.plusDays(3), 0, 0),
            new Day(FIRST.plusDays(4), 0, 0));
  }

  @Test
  void daysAreUtcDaysSoMidnightUtcStartsTheNextOne() {
    ask("2026-11-28T23:59:59.999999Z", "alice");
    ask("2026-11-29T00:00:00Z", "alice");
    // 07:30 in Shanghai on the 30th is still the 29th in UTC
    ask("2026-11-29T23:30:00Z", "bob");

    assertThat(tally.days()).extracting(Day::questions).containsExactly(1L, 2L, 0L, 0L, 0L);
  }

  @Test
  void activeUsersAreDifferentPeoplePerDayAndOverTheWholePeriod() {
    ask("2026-11-28T08:00:00Z", "alice");
    ask("2026-11-28T09:00:00Z", "alice");
    ask("2026-11-28T10:00:00Z", "bob");
    ask("2026-12-01T10:00:00Z", "alice");

    assertThat(tally.days()).extracting(Day::activeUsers).containsExactly(2, 0, 0, 1, 0);
    assertThat(tally.activeUsers()).as("alice on two days is one person").isEqualTo(2);
    assertThat(tally.questions()).isEqualTo(4);
  }

  @Test
  void exchangesOutsideThePeriodAreLeftOut() {
    ask("2026-11-27T23:59:59Z", "early");
    ask("2026-12-03T00:00:00Z", "late");

    assertThat(tally.questions()).isZero();
    assertThat(tally.activeUsers()).isZero();
    assertThat(tally.questionsPerModel()).isEmpty();
  }

  @Test
  void questionsAreCountedPerModelIncludingAnswersThatNameNone() {
    tally.add(new Asked(Instant.parse("2026-11-28T08:00:00Z"), "alice", "qwen"));
    tally.add(new Asked(Instant.parse("2026-11-28T09:00:00Z"), "bob", "qwen"));
    tally.add(new Asked(Instant.parse("2026-11-29T09:00:00Z"), "bob", null));

    assertThat(tally.questionsPerModel()).containsEntry("qwen", 2L).containsEntry(null, 1L);
  }

  private void ask(String at, String user) {
    tally.add(new Asked(Instant.parse(at), user, "extractive"));
  }
}
