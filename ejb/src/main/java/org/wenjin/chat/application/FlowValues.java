package org.wenjin.chat.application;

import java.util.List;
import java.util.Map;
import org.wenjin.chat.domain.flow.FlowStep;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.engine.spi.Passage;
import org.wenjin.engine.spi.PassageBlock;

/**
 * The values a flow's steps hand on, as its templates read them (plain maps, lists and strings),
 * and the small rules {@link FlowRun} applies to each step: which collections it searches, which
 * sampling its call gets, how much of a prompt the trace keeps.
 */
final class FlowValues {

  private FlowValues() {}

  /**
   * The step's collections within the user's choice (either empty: no narrowing by it); null when
   * they have none in common.
   */
  static List<String> collections(List<String> step, List<String> chosen) {
    if (step.isEmpty() || chosen.isEmpty()) {
      return step.isEmpty() ? chosen : step;
    }
    List<String> both = step.stream().filter(chosen::contains).toList();
    return both.isEmpty() ? null : both;
  }

  static GenerationOptions options(FlowStep.Prompt call, GenerationOptions base) {
    GenerationOptions from = base == null ? GenerationOptions.defaults() : base;
    return new GenerationOptions(
        call.maxTokens() == null ? from.maxTokens() : call.maxTokens(),
        call.temperature() == null ? from.temperature() : call.temperature(),
        from.topP(),
        from.stop());
  }

  /** Characters of one prompt or output in the trace (26 entries at most fit the column). */
  static final int TRACE_TEXT = 16_000;

  /** A prompt or output as the trace keeps it: enough to see what happened, bounded. */
  static String kept(String text) {
    return text.length() <= TRACE_TEXT ? text : text.substring(0, TRACE_TEXT) + "…";
  }

  static Map<String, Object> passage(Passage p) {
    return Map.of(
        "n", p.marker(),
        "title", p.title() == null ? "" : p.title(),
        "source", p.source() == null ? "" : p.source(),
        "text", p.text(),
        "block", PassageBlock.of(List.of(p)));
  }

  static List<Map<String, Object>> lines(String text) {
    return text.lines()
        .map(l -> l.strip().replaceFirst("^([-*•]|\\d+[.)、])\\s*", ""))
        .filter(l -> !l.isEmpty())
        .map(l -> Map.<String, Object>of("text", l))
        .toList();
  }
}
