package org.wenjin.knowledge.domain;

/** A document that cannot be indexed as it is; retrying will not help. */
public class UnreadableDocumentException extends RuntimeException {

  public UnreadableDocumentException(String message) {
    super(message);
  }

  public UnreadableDocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
