package org.wenjin.chat.domain;

import jakarta.ejb.ApplicationException;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/** A chat request that breaks a rule (empty question, unknown conversation, ...): say why. */
@ApplicationException(rollback = true)
public class ChatRules extends RuntimeException implements Explained {

  private final RuleMessage explanation;

  private final boolean notFound;

  public ChatRules(RuleMessage explanation) {
    this(explanation, false);
  }

  /**
   * For callers outside the services whose words are not in the rules bundle (the REST resources):
   * the text is shown as it is, in every language.
   */
  public ChatRules(String message) {
    this(RuleMessage.verbatim(message), false);
  }

  private ChatRules(RuleMessage explanation, boolean notFound) {
    super(explanation.english());
    this.explanation = explanation;
    this.notFound = notFound;
  }

  /**
   * Same answer for "does not exist" and "belongs to someone else": existence is not leaked.
   *
   * @param what the thing, e.g. {@code RuleMessage.of("chat.thing.conversation")}
   */
  public static ChatRules notFound(RuleMessage what) {
    return new ChatRules(RuleMessage.of("chat.not-found", what), true);
  }

  public boolean isNotFound() {
    return notFound;
  }

  @Override
  public RuleMessage explanation() {
    return explanation;
  }
}
