package org.wenjin.bench;

import java.util.List;
import java.util.Map;
import org.wenjin.bench.MinuteWindow.Figures;
import org.wenjin.bench.SoakBenchmark.SoakSettings;

/** One minute of a soak as the table prints it, and the closing line over all minutes. */
record SoakRow(
    int minute,
    Figures rest,
    Figures sse,
    Figures browser,
    long heapAfterGcMb,
    double fullGcSeconds,
    Map<String, Long> residentMb) {

  static final String HEADER =
      "min | REST answers/s  p50   p95   p99 ms | errors | SSE answers/s errors | browser answers"
          + " errors | heap after GC MB | full GC s | RSS MB wildfly/keycloak/es";

  String line() {
    return String.format(
        "%3d | %14.1f %5d %5d %5d    | %6s | %13.1f %6s | %15d %6s | %16d | %9.1f | %s",
        minute,
        rest.rate(),
        rest.percentile(50),
        rest.percentile(95),
        rest.percentile(99),
        rest.errorsByStatus(),
        sse.rate(),
        sse.errorsByStatus(),
        browser.answers(),
        browser.errorsByStatus(),
        heapAfterGcMb,
        fullGcSeconds,
        String.join("/", residentMb.values().stream().map(String::valueOf).toList()));
  }

  private int answers() {
    return rest.answers() + sse.answers() + browser.answers();
  }

  private int errors() {
    return rest.errorCount() + sse.errorCount() + browser.errorCount();
  }

  /**
   * {@code soak: N users M min, A answers, E errors, heap-after-gc first X MB last Y MB, rate first
   * R1/s last R2/s} (the rate counts every client's answers).
   */
  static String summary(SoakSettings settings, List<SoakRow> rows) {
    SoakRow first = rows.get(0);
    SoakRow last = rows.get(rows.size() - 1);
    return String.format(
        "soak: %d users %d min, %d answers, %d errors, heap-after-gc first %d MB last %d MB,"
            + " rate first %.1f/s last %.1f/s",
        settings.users(),
        settings.minutes(),
        rows.stream().mapToInt(SoakRow::answers).sum(),
        rows.stream().mapToInt(SoakRow::errors).sum(),
        first.heapAfterGcMb,
        last.heapAfterGcMb,
        first.answers() / 60.0,
        last.answers() / 60.0);
  }
}
