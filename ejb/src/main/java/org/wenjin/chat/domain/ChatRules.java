package org.wenjin.chat.domain;

import jakarta.ejb.ApplicationException;

/** A chat request that breaks a rule (empty question, unknown conversation, ...): say why. */
@ApplicationException(rollback = true)
public class ChatRules extends RuntimeException {

  public ChatRules(String message) {
    super(message);
  }

  /** Same answer for "does not exist" and "belongs to someone else": existence is not leaked. */
  public static ChatRules notFound(String what) {
    return new ChatRules("This " + what + " does not exist or is not yours.");
  }
}
