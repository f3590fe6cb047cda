package org.wenjin.engine.spi;

/** How a generation ended and how many pieces of text it produced. */
public record Completion(FinishReason reason, int tokens) {

  public enum FinishReason {
    /** The model finished (end of sequence or a stop sequence). */
    STOP,
    /** The answer hit {@link GenerationOptions#maxTokens()}. */
    LENGTH,
    /** Someone cancelled it; the text streamed so far is the partial answer. */
    CANCELLED
  }
}
