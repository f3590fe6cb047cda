package org.wenjin.engine.djl;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.Arrays;
import java.util.List;
import org.wenjin.engine.spi.Completion;
import org.wenjin.engine.spi.TokenSink;

/**
 * The answer's tokens so far, decoded and streamed as text ({@link StreamedText}): what the asking
 * thread does with each token, however it was generated.
 */
final class AnswerText {

  private final HuggingFaceTokenizer tokenizer;
  private final boolean wordPiece;
  private final StreamedText text;
  private long[] ids = new long[16];
  private int size;

  AnswerText(
      HuggingFaceTokenizer tokenizer, boolean wordPiece, TokenSink sink, List<String> stops) {
    this.tokenizer = tokenizer;
    this.wordPiece = wordPiece;
    this.text = new StreamedText(sink, stops);
  }

  /**
   * @return true when a stop sequence appeared: the answer is complete
   */
  boolean add(int token) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
    }
    ids[size++] = token;
    String decoded = tokenizer.decode(Arrays.copyOf(ids, size), true);
    return text.update(wordPiece ? CjkSpacing.join(decoded) : decoded);
  }

  long[] ids() {
    return Arrays.copyOf(ids, size);
  }

  /** Ends the answer: sends what was held back unless a stop sequence ended it. */
  Completion end(Completion.FinishReason reason) {
    text.finish();
    return new Completion(reason, size);
  }

  Completion stopped() {
    return new Completion(Completion.FinishReason.STOP, size);
  }
}
