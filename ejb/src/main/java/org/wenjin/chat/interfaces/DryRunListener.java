package org.wenjin.chat.interfaces;

import org.wenjin.platform.text.RuleMessage;

/**
 * Follows a flow's dry run: its steps as they start, the answer as it streams, and the end with
 * what each step sent and got. Called from server threads, like {@link AnswerListener}.
 */
@FunctionalInterface
public interface DryRunListener {

  default void step(int number, int total, RuleMessage label) {}

  default void text(String piece) {}

  void finished(DryRunDto result);
}
