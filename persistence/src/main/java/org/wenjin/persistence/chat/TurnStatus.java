package org.wenjin.persistence.chat;

/** Where an answer stands. */
public enum TurnStatus {
  STREAMING,
  COMPLETE,
  STOPPED,
  FAILED,
  INTERRUPTED;

  public boolean isFinal() {
    return this != STREAMING;
  }
}
