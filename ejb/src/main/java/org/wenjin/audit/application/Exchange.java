package org.wenjin.audit.application;

import java.util.List;

/**
 * One question and the answer it got, as the audit records it.
 *
 * @param status COMPLETE, STOPPED or FAILED
 * @param error why it failed or was cut off, else null
 * @param passages what the model was given, in marker order
 * @param tokensIn the prompt's size in tokens, estimated from its text ({@code
 *     org.wenjin.engine.spi.TokenEstimate})
 * @param tokensOut the pieces the model generated
 */
public record Exchange(
    long userId,
    String username,
    long conversationId,
    long turnId,
    String question,
    String answer,
    String status,
    String error,
    String model,
    String backend,
    List<ShownPassage> passages,
    Timings timings,
    int tokensIn,
    int tokensOut) {

  /** A passage given to the model; {@code cited}: the answer refers to its marker. */
  public record ShownPassage(int marker, long documentId, int chunk, String title, boolean cited) {}

  /**
   * Milliseconds from the moment the answer was asked of the pool: until a slot took it, until its
   * first piece of text (null: none came), until it ended.
   */
  public record Timings(long queueMs, Long firstTokenMs, long totalMs) {}
}
