package org.wenjin.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.Element;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wenjin.audit.interfaces.UsageDto.Day;

class QuestionsChartTest {

  private static final LocalDate FIRST = LocalDate.parse("2026-11-29");

  private final QuestionsChart chart = new QuestionsChart();

  @Test
  void eachDayIsABarAsHighAsItsShareOfTheBusiestDayTitledWithItsDayAndCount() {
    chart.show(List.of(day(0, 4), day(1, 0), day(2, 1), day(3, 2)));

    assertThat(bars())
        .extracting(b -> b.getStyle().get("height"))
        .containsExactly("100.0%", "0.0%", "25.0%", "50.0%");
    assertThat(bars())
        .extracting(b -> b.getAttribute("title"))
        .containsExactly(
            "Nov 29, 2026: 4 questions",
            "Nov 30, 2026: 0 questions",
            "Dec 1, 2026: 1 question",
            "Dec 2, 2026: 2 questions");
    assertThat(texts("wenjin-usage-day")).containsExactly("11-29", "11-30", "12-01", "12-02");
    assertThat(chart.getElement().getAttribute("aria-label"))
        .isEqualTo("Questions per day: 7 in all");
  }

  @Test
  void withoutQuestionsTheChartSaysWhatWillAppear() {
    chart.show(List.of(day(0, 0), day(1, 0)));

    assertThat(bars()).isEmpty();
    assertThat(chart.getElement().getTextRecursively()).startsWith("No questions yet");
  }

  @Test
  void manyDaysTurnTheLabelsAndMoreThanAMonthHidesTheCounts() {
    chart.show(IntStream.range(0, 30).mapToObj(i -> day(i, i % 3)).toList());
    assertThat(chart.hasClassName("dense")).isTrue();
    assertThat(chart.hasClassName("crowded")).isFalse();

    chart.show(IntStream.range(0, 90).mapToObj(i -> day(i, 1)).toList());
    assertThat(chart.hasClassName("crowded")).isTrue();
    assertThat(bars()).hasSize(90);
  }

  private static Day day(int offset, long questions) {
    return new Day(FIRST.plusDays(offset), questions, questions > 0 ? 1 : 0);
  }

  private List<Element> bars() {
    return descendants().filter(e -> e.getClassList().contains("wenjin-usage-bar")).toList();
  }

  private List<String> texts(String className) {
    return descendants()
        .filter(e -> e.getClassList().contains(className))
        .map(Element::getText)
        .toList();
  }

  private java.util.stream.Stream<Element> descendants() {
    return descendants(chart.getElement());
  }

  private static java.util.stream.Stream<Element> descendants(Element element) {
    return element
        .getChildren()
        .flatMap(
            c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c), descendants(c)));
  }
}
