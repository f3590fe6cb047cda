package org.wenjin.chat.application;

import java.util.List;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.GenerationOptions;

/**
 * A question as a client asks it.
 *
 * @param conversationId null: in a new conversation
 * @param modelId null or blank: the company's preselected model
 * @param sources which documents ground this and later answers of the conversation; null keeps the
 *     conversation's choice (all documents for a new one)
 * @param earlier what a client that keeps its own history (an OpenAI client) says came before: its
 *     system messages and earlier user and assistant messages; used for a new conversation only (a
 *     kept conversation has its own history), never stored as turns
 * @param options sampling limits the client asked for; null: the defaults
 * @param flowId the flow that answers (a built-in's id); null: the standard grounded answer
 */
public record Question(
    Long conversationId,
    String text,
    String modelId,
    DocumentSources sources,
    List<ChatMessage> earlier,
    GenerationOptions options,
    String flowId) {

  public Question {
    earlier = earlier == null ? List.of() : List.copyOf(earlier);
  }

  public Question(Long conversationId, String text, String modelId, DocumentSources sources) {
    this(conversationId, text, modelId, sources, List.of(), null, null);
  }

  /** In a new conversation, with the default model and all documents. */
  public static Question of(String text) {
    return new Question(null, text, null, null);
  }
}
