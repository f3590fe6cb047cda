package org.wenjin.chat.application;

import java.util.List;
import java.util.Map;
import org.wenjin.chat.domain.AnswerLanguage;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.chat.domain.HistoryWindow;
import org.wenjin.chat.domain.flow.FlowDefinition;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.tenancy.application.ActingCaller;

/**
 * A flow about to answer one turn: the flow, who asked (its retrieve steps search what they may
 * see, also from the pool's threads), the values every template reads ({@code question}, {@code
 * history}, {@code company}, {@code language}), the company's system prompt, and the sampling the
 * client asked for (the answer step's, unless the step sets its own), and the documents the
 * conversation answers from (retrieve steps search within them; none when it answers without).
 */
public record FlowPlan(
    FlowDefinition flow,
    ActingCaller caller,
    Map<String, Object> globals,
    String systemPrompt,
    GenerationOptions answerOptions,
    DocumentSources sources) {

  public FlowPlan {
    globals = Map.copyOf(globals);
  }

  /**
   * The plan of a question asked in a conversation: {@code messages} as the history window made
   * them (a system message first, the question last); the steps before the answer get the company's
   * {@code systemPrompt} alone, without a client's instructions.
   */
  public static FlowPlan of(
      FlowDefinition flow,
      ActingCaller caller,
      AnswerLanguage language,
      String systemPrompt,
      List<ChatMessage> messages,
      GenerationOptions options,
      DocumentSources sources) {
    return new FlowPlan(
        flow,
        caller,
        Map.of(
            "question", messages.get(messages.size() - 1).content(),
            "history", HistoryWindow.transcript(messages),
            "company", caller.tenantName(),
            "language", language.phrase()),
        systemPrompt,
        options,
        sources);
  }
}
