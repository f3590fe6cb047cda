package org.wenjin.chat.interfaces;

import java.io.Serializable;

/**
 * What an answer cost, as the audit counts it: the prompt's tokens (estimated, with the history and
 * the passages the model was shown) and the pieces the model wrote.
 *
 * @param truncated the answer ended because it reached its length limit
 */
public record AnswerUsage(int promptTokens, int completionTokens, boolean truncated)
    implements Serializable {

  public int totalTokens() {
    return promptTokens + completionTokens;
  }
}
