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
 * @param flow the flow that answered and what its steps did; null for the standard answer
 * @param apiKeyId the personal API key the question came with; null for a signed-in user
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
    int tokensOut,
    FlowRecord flow,
    Long apiKeyId) {

  public Exchange(
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
    this(
        userId,
        username,
        conversationId,
        turnId,
        question,
        answer,
        status,
        error,
        model,
        backend,
        passages,
        timings,
        tokensIn,
        tokensOut,
        null,
        null);
  }

  /**
   * A flow's part in the answer: its id, the company's revision of it (null: a built-in as
   * shipped), and its steps' trace (a JSON array of what each step sent and got).
   */
  public record FlowRecord(String id, Integer revision, String trace) {}

  /** A passage given to the model; {@code cited}: the answer refers to its marker. */
  public record ShownPassage(int marker, long documentId, int chunk, String title, boolean cited) {}

  /**
   * Milliseconds from the moment the answer was asked of the pool: until a slot took it, until its
   * first piece of text (null: none came), until it ended.
   */
  public record Timings(long queueMs, Long firstTokenMs, long totalMs) {}
}
