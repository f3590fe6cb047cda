package org.wenjin.ui.chat;

import org.wenjin.chat.interfaces.TurnDto;

/**
 * What the view does when a button of a {@link TurnCard} is pressed, and when an answer starts or
 * stops streaming in the {@link TurnList}. The card only asks for the details.
 */
interface TurnActions {
  /**
   * @param comment why an answer is bad (optional), null for a good one
   * @return whether it was saved (the dialog that asked for the comment closes then)
   */
  boolean rate(TurnDto turn, int rating, String comment);

  /** Asks {@code question} instead; returns whether it is being answered (the dialog closes). */
  boolean edit(TurnDto turn, String question);

  void delete(TurnDto turn);

  /**
   * An answer started or stopped being written (the view shows "Stop" or "Regenerate"). May run
   * while a pool thread pushes the answer, with another request's security context: no facade
   * calls.
   */
  void streamingChanged();
}
