package org.wenjin.chat.domain;

import jakarta.ejb.ApplicationException;

/** A chat request that breaks a rule (empty question, unknown conversation, ...): say why. */
@ApplicationException(rollback = true)
public class ChatRules extends RuntimeException {

  private final boolean notFound;

  public ChatRules(String message) {
    this(message, false);
  }

  private ChatRules(String message, boolean notFound) {
    super(message);
    this.notFound = notFound;
  }

  /** Same answer for "does not exist" and "belongs to someone else": existence is not leaked. */
  public static ChatRules notFound(String what) {
    return new ChatRules("This " + what + " does not exist or is not yours.", true);
  }

  public boolean isNotFound() {
    return notFound;
  }
}
