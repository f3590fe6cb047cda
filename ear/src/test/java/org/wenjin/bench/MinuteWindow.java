package org.wenjin.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the clients of a soak saw in one window of time: the latency of each answer and the errors
 * by cause (an HTTP status, or the exception when no response came). Clients record from many
 * threads; the reporter takes the window and starts a new one.
 */
final class MinuteWindow {

  private List<Long> millis = new ArrayList<>();
  private Map<String, Integer> errors = new TreeMap<>();

  synchronized void answered(long latencyMillis) {
    millis.add(latencyMillis);
  }

  synchronized void failed(String cause) {
    errors.merge(cause, 1, Integer::sum);
  }

  /** The window so far; the next calls go into a fresh one. */
  synchronized Figures takeAndReset(double seconds) {
    Figures figures = new Figures(millis, errors, seconds);
    millis = new ArrayList<>();
    errors = new TreeMap<>();
    return figures;
  }

  record Figures(List<Long> latencies, Map<String, Integer> errors, double seconds) {

    Figures {
      latencies = new ArrayList<>(latencies);
      Collections.sort(latencies);
    }

    int answers() {
      return latencies.size();
    }

    int errorCount() {
      return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    double rate() {
      return answers() / seconds;
    }

    long percentile(int p) {
      if (latencies.isEmpty()) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * latencies.size()) - 1;
      return latencies.get(Math.max(0, Math.min(index, latencies.size() - 1)));
    }

    String errorsByStatus() {
      if (errors.isEmpty()) {
        return "-";
      }
      StringBuilder text = new StringBuilder();
      errors.forEach(
          (status, n) ->
              text.append(text.isEmpty() ? "" : " ").append(status).append('×').append(n));
      return text.toString();
    }
  }
}
