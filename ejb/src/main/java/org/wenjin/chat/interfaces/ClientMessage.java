package org.wenjin.chat.interfaces;

import java.io.Serializable;
import java.util.Objects;

/** A message of the history a client keeps itself (an OpenAI client sends it every time). */
public record ClientMessage(Role role, String content) implements Serializable {

  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT
  }

  public ClientMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }
}
