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

  @Override
  default void close() {}
}
