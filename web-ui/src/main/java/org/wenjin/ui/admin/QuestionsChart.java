package org.wenjin.ui.admin;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.wenjin.audit.interfaces.UsageDto;
import org.wenjin.ui.i18n.LocalFormats;
import org.wenjin.ui.i18n.Tr;

/**
 * Questions per day as bars of plain divs: only vaadin-core is available, and a bar chart needs no
 * library. Heights are shares of the busiest day; each bar's title gives its day and count, for a
 * mouse, a screen reader and a test alike. The look is in the theme ({@code wenjin-usage-*}).
 */
class QuestionsChart extends Div {

  /** Past this many bars the day labels stand upright, past {@link #CROWDED} counts go too. */
  static final int DENSE = 14;

  static final int CROWDED = 31;

  /** The day under a bar: short, numeric, read alike in both languages. */
  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd");

  QuestionsChart() {
    setId("usage-chart");
    addClassName("wenjin-usage-chart");
    getElement().setAttribute("role", "img");
  }

  void show(List<UsageDto.Day> days) {
    removeAll();
    long busiest = days.stream().mapToLong(UsageDto.Day::questions).max().orElse(0);
    long total = days.stream().mapToLong(UsageDto.Day::questions).sum();
    getElement().setAttribute("aria-label", Tr.t("admin.usage.chart.aria", total));
    if (busiest == 0) {
      removeClassNames("dense", "crowded");
      Paragraph empty = new Paragraph(Tr.t("admin.usage.chart.empty"));
      empty.addClassName("wenjin-usage-empty");
      add(empty);
      return;
    }
    setClassName("dense", days.size() > DENSE);
    setClassName("crowded", days.size() > CROWDED);
    for (UsageDto.Day day : days) {
      add(column(day, busiest));
    }
  }

  private static Div column(UsageDto.Day day, long busiest) {
    Div bar = new Div();
    bar.addClassName("wenjin-usage-bar");
    bar.getElement().setAttribute("title", title(day));
    bar.getStyle()
        .set("height", String.format(Locale.ROOT, "%.1f%%", 100.0 * day.questions() / busiest));
    Div track = new Div(bar);
    track.addClassName("wenjin-usage-track");
    Span count = new Span(day.questions() == 0 ? "" : LocalFormats.number(day.questions()));
    count.addClassName("wenjin-usage-count");
    Span label = new Span(LABEL.format(day.date()));
    label.addClassName("wenjin-usage-day");
    Div column = new Div(count, track, label);
    column.addClassName("wenjin-usage-column");
    return column;
  }

  static String title(UsageDto.Day day) {
    return Tr.t("admin.usage.chart.bar", LocalFormats.date(day.date()), day.questions());
  }
}
