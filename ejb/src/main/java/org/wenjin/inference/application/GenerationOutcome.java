package org.wenjin.inference.application;

/** How a generation ended, with a message fit for the user when it did not complete. */
public record GenerationOutcome(Kind kind, String message) {

  public enum Kind {
    COMPLETE,
    /** Cut at the token limit: complete as far as the model is concerned. */
    TRUNCATED,
    STOPPED,
    FAILED
  }

  public static GenerationOutcome of(Kind kind) {
    return new GenerationOutcome(kind, null);
  }

  public static GenerationOutcome failed(String message) {
    return new GenerationOutcome(Kind.FAILED, message);
  }
}
