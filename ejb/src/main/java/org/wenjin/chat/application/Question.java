package org.wenjin.chat.application;

import org.wenjin.chat.domain.DocumentSources;

/**
 * A question as a client asks it.
 *
 * @param conversationId null: in a new conversation
 * @param modelId null or blank: the company's preselected model
 * @param sources which documents ground this and later answers of the conversation; null keeps the
 *     conversation's choice (all documents for a new one)
 */
public record Question(Long conversationId, String text, String modelId, DocumentSources sources) {

  /** In a new conversation, with the default model and all documents. */
  public static Question of(String text) {
    return new Question(null, text, null, null);
  }
}
