package org.wenjin.engine.spi;

/** A model could not answer; the message is fit to show to the person who asked. */
public class ChatModelException extends RuntimeException {

  public enum Kind {
    /** The model (server, file, device) is not there right now; trying later may work. */
    UNAVAILABLE,
    /** The model refused this request or this configuration (auth, bad parameters). */
    REJECTED,
    /** The model answered with something that is not a valid answer. */
    FAILED
  }

  private final Kind kind;

  public ChatModelException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ChatModelException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
