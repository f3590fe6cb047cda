package org.wenjin.audit.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts a period's exchanges per UTC day, per user and per model in one pass over them. Days
 * without a question are in {@link #days()} with zero, so a chart shows the quiet days too. Memory
 * grows with days × users, not with the number of exchanges.
 */
public final class ExchangeTally {

  /** One UTC day: questions answered and how many different people asked them. */
  public record Day(LocalDate date, long questions, int activeUsers) {}

  private final UsagePeriod period;
  private final long[] questions;
  private final List<Set<String>> users;
  private final Set<String> allUsers = new HashSet<>();
  private final Map<String, Long> perModel = new HashMap<>();
  private long total;

  public ExchangeTally(UsagePeriod period) {
    this.period = period;
    this.questions = new long[period.days()];
    this.users = new ArrayList<>(period.days());
    for (int i = 0; i < period.days(); i++) {
      users.add(new HashSet<>());
    }
  }

  /** Counts one exchange; one outside the period (a clock at the edge of a day) is left out. */
  public void add(UsageFigures.Asked asked) {
    LocalDate day = LocalDate.ofInstant(asked.at(), ZoneOffset.UTC);
    long index = day.toEpochDay() - period.firstDay().toEpochDay();
    if (index < 0 || index >= questions.length) {
      return;
    }
    questions[(int) index]++;
    users.get((int) index).add(asked.user());
    allUsers.add(asked.user());
    perModel.merge(asked.model(), 1L, Long::sum);
    total++;
  }

  /** Every day of the period, oldest first. */
  public List<Day> days() {
    List<Day> days = new ArrayList<>(questions.length);
    for (int i = 0; i < questions.length; i++) {
      days.add(new Day(period.firstDay().plusDays(i), questions[i], users.get(i).size()));
    }
    return days;
  }

  public long questions() {
    return total;
  }

  /** Different people who asked at least once in the period (not the sum over days). */
  public int activeUsers() {
    return allUsers.size();
  }

  /** Questions per model id (null: an exchange that names none). */
  public Map<String, Long> questionsPerModel() {
    return Collections.unmodifiableMap(new HashMap<>(perModel)); // Map.copyOf refuses the null
  }
}
