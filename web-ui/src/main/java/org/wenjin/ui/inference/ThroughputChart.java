package org.wenjin.ui.inference;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.wenjin.ui.i18n.LocalFormats;

/**
 * Tokens per second of one model over the last {@value #SAMPLES} samples, as bars of plain divs
 * (the same look as the usage chart: only vaadin-core is available). Each bar's title gives its
 * figure, for a mouse, a screen reader and a test alike.
 */
class ThroughputChart extends Div {

  static final int SAMPLES = 30;

  private final Deque<Sample> samples = new ArrayDeque<>();

  record Sample(double tokensPerSecond, int generating) {}

  ThroughputChart() {
    setId("inference-chart");
    addClassNames("wenjin-usage-chart", "dense", "crowded");
    getElement().setAttribute("role", "img");
  }

  void clear() {
    samples.clear();
  }

  void add(Sample sample) {
    samples.addLast(sample);
    while (samples.size() > SAMPLES) {
      samples.removeFirst();
    }
    draw();
  }

  private void draw() {
    removeAll();
    double highest = samples.stream().mapToDouble(Sample::tokensPerSecond).max().orElse(0);
    getElement()
        .setAttribute(
            "aria-label",
            getTranslation(
                "inference.chart.aria",
                samples.size(),
                LocalFormats.decimal(
                    samples.isEmpty() ? 0.0 : samples.getLast().tokensPerSecond(), 1)));
    if (highest == 0) {
      Paragraph idle = new Paragraph(getTranslation("inference.chart.idle"));
      idle.addClassName("wenjin-usage-empty");
      add(idle);
      return;
    }
    for (int empty = samples.size(); empty < SAMPLES; empty++) {
      Div column = new Div(new Div()); // the minute not yet sampled: bars keep their width
      column.getChildren().findFirst().orElseThrow().addClassName("wenjin-usage-track");
      column.addClassName("wenjin-usage-column");
      add(column);
    }
    for (Sample s : samples) {
      Div bar = new Div();
      bar.addClassName("wenjin-usage-bar");
      bar.getElement()
          .setAttribute(
              "title",
              getTranslation(
                  "inference.chart.bar",
                  LocalFormats.decimal(s.tokensPerSecond(), 1),
                  s.generating()));
      bar.getStyle()
          .set("height", String.format(Locale.ROOT, "%.1f%%", 100 * s.tokensPerSecond() / highest));
      Div track = new Div(bar);
      track.addClassName("wenjin-usage-track");
      Div column = new Div(track);
      column.addClassName("wenjin-usage-column");
      add(column);
    }
  }
}
