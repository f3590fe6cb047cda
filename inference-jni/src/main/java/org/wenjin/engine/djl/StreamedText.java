package org.wenjin.engine.djl;

import java.util.List;
import org.wenjin.engine.spi.TokenSink;

/**
 * Turns the decoded answer-so-far into pieces for the sink: only what is new, held back while it
 * could still become a stop sequence, cut where a stop sequence begins.
 */
final class StreamedText {

  private final TokenSink sink;
  private final List<String> stops;
  private int sent;
  private String latest = "";

  StreamedText(TokenSink sink, List<String> stops) {
    this.sink = sink;
    this.stops = stops;
  }

  /**
   * @param text the whole answer decoded so far
   * @return true when a stop sequence appeared: the answer ends before it
   */
  boolean update(String text) {
    latest = text;
    int end = text.length();
    boolean stopped = false;
    for (String stop : stops) {
      int at = text.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
        stopped = true;
      }
    }
    if (!stopped) {
      end -= heldBack(text);
    }
    if (end > sent) {
      sink.accept(text.substring(sent, end));
      sent = end;
    }
    return stopped;
  }

  /** The answer ended without a stop sequence: sends what was held back. */
  void finish() {
    if (latest.length() > sent) {
      sink.accept(latest.substring(sent));
      sent = latest.length();
    }
  }

  /** How many trailing characters might be the start of a stop sequence. */
  private int heldBack(String text) {
    int held = 0;
    for (String stop : stops) {
      for (int n = Math.min(stop.length() - 1, text.length()); n > held; n--) {
        if (text.endsWith(stop.substring(0, n))) {
          held = n;
          break;
        }
      }
    }
    return held;
  }
}
