package org.wenjin.engine.spi;

/**
 * A loaded language model. One instance serves many requests (the application's pool limits how
 * many at a time), so implementations are thread-safe.
 */
public interface ChatModel extends AutoCloseable {

  /**
   * Generates an answer, streaming it to {@code sink}; blocks until done, cancelled or failed.
   *
   * @throws ChatModelException when the model cannot answer (unreachable, refused, broken output)
   */
  Completion generate(ChatRequest request, TokenSink sink, Cancellation cancellation);

  /**
   * How many decoding steps ran with 1, 2, … sequences at once (index = sequences), for operators;
   * empty when the engine does not batch requests itself or does not say.
   */
  default long[] batchSizeCounts() {
    return new long[0];
  }

  @Override
  default void close() {}
}
