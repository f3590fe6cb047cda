package org.wenjin.chat.application;

import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.tenancy.application.ActingCaller;

/**
 * Saves questions before they are answered and answers when they end; each method commits on its
 * own, so an answer is never lost with a half-written conversation.
 */
public interface TurnService {

  /** Saves a new question (in a new conversation when it names none) and grounds it. */
  PreparedTurn ask(ActingCaller caller, Question question);

  /** Answers the last question of the conversation again. */
  PreparedTurn regenerate(ActingCaller caller, long conversationId, String modelId);

  /** Replaces a question; the turns after it are deleted. */
  PreparedTurn edit(ActingCaller caller, long turnId, String question, String modelId);

  /**
   * Records how an answer ended, with the exchange for the audit (also when the conversation was
   * deleted while it was answered); runs in the tenant of the turn. Returns the saved turn, or null
   * when it is gone.
   */
  ChatTurn finish(PreparedTurn turn, Answered answered);
}
