package org.wenjin.chat.interfaces;

import org.wenjin.platform.text.RuleMessage;

/**
 * Follows an answer as it is generated. Called from server threads (not the UI's), so a view hands
 * each call to its UI with {@code UI.access}; an exception here never stops the answer.
 */
@FunctionalInterface
public interface AnswerListener {

  /** Waiting for a free slot; 1 = next. */
  default void queued(int position) {}

  default void started() {}

  /**
   * A flow began its step {@code number} of {@code total}; {@code label} says what it does now
   * ("searching the documents", "“notes” 3 of 4"), in any language ({@code label.in(locale)}).
   */
  default void step(int number, int total, RuleMessage label) {}

  default void text(String piece) {}

  /** The answer ended (complete, stopped or failed) and is saved. */
  void finished(TurnDto turn);

  /** Like {@link #finished(TurnDto)}, with what the answer cost; for listeners that report it. */
  default void finished(TurnDto turn, AnswerUsage usage) {
    finished(turn);
  }
}
