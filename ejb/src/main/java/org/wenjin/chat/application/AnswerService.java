package org.wenjin.chat.application;

import org.wenjin.chat.interfaces.AnswerListener;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.tenancy.application.ActingCaller;

/**
 * The one "answer a question" use case, whichever way it is asked (chat view, REST, SSE, and later
 * flows and the OpenAI-compatible API): save the question, ground it, stream the answer through
 * inference to {@code listener}, save how it ended; and every change that must first stop an answer
 * being written. Cross-cutting concerns of an exchange (audit, quotas) belong here, once.
 *
 * <p>Each returns the turn as saved before its answer starts ({@code STREAMING}); the listener
 * hears the rest from pool threads and {@code finished} once it is saved.
 */
public interface AnswerService {

  TurnDto ask(ActingCaller caller, Question question, AnswerListener listener);

  /** Answers the last question of the conversation again. */
  TurnDto regenerate(
      ActingCaller caller, long conversationId, String modelId, AnswerListener listener);

  /** Replaces a question (stopping its conversation's answers first); later turns are deleted. */
  TurnDto edit(
      ActingCaller caller, long turnId, String question, String modelId, AnswerListener listener);

  /** Stops an answer being written; returns once the partial text is saved, marked stopped. */
  void stop(ActingCaller caller, long turnId);

  /** Stops the conversation's answers, then deletes it. */
  void deleteConversation(ActingCaller caller, long conversationId);

  /** Stops the conversation's answers, then removes its turns. */
  void clearConversation(ActingCaller caller, long conversationId);

  /** Stops the turn's answer, then deletes the question with its answer. */
  void deleteTurn(ActingCaller caller, long turnId);
}
