package org.wenjin.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UsagePeriodTest {

  private static final Instant NOW = Instant.parse("2026-12-01T15:30:00Z");

  @Test
  void theLastDaysEndWithTodayInUtc() {
    UsagePeriod week = UsagePeriod.lastDays(7, NOW);

    assertThat(week.firstDay()).isEqualTo(LocalDate.parse("2026-11-25"));
    assertThat(week.lastDay()).isEqualTo(LocalDate.parse("2026-12-01"));
    assertThat(week.days()).isEqualTo(7);
    assertThat(week.from()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    assertThat(week.to()).as("exclusive").isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
  }

  @Test
  void oneDayIsToday() {
    UsagePeriod today = UsagePeriod.lastDays(1, NOW);

    assertThat(today.firstDay())
        .isEqualTo(today.lastDay())
        .isEqualTo(LocalDate.parse("2026-12-01"));
  }

  @Test
  void fewerThanOneOrMoreThanAYearOfDaysIsRefusedWithTheRule() {
    for (int days : new int[] {0, -3, 366}) {
      assertThatThrownBy(() -> UsagePeriod.lastDays(days, NOW))
          .isInstanceOf(AuditRules.class)
          .hasMessage("The usage overview covers 1 to 365 days.");
    }
    assertThat(UsagePeriod.lastDays(365, NOW).days()).isEqualTo(365);
  }
}
