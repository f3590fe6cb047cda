package org.wenjin.inference.application;

import org.wenjin.platform.text.RuleMessage;

/**
 * How a generation ended; {@code reason} says why one that did not complete failed, in words for
 * the person who asked (in their language: {@code reason.in(locale)}).
 */
public record GenerationOutcome(Kind kind, RuleMessage reason) {

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

  public static GenerationOutcome failed(RuleMessage reason) {
    return new GenerationOutcome(Kind.FAILED, reason);
  }

  /** The reason in English, for logs, the audit trail and the REST API; null without one. */
  public String message() {
    return reason == null ? null : reason.english();
  }
}
