package org.wenjin.engine.djl;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.ZooModel;
import org.wenjin.engine.spi.Cancellation;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.Completion;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.engine.spi.TokenSink;

/**
 * Generates with a {@link DecoderBlock}: the whole conversation ({@link DecoderPrompt}) is read
 * once, then one token per step against the key/value cache, sampled (or greedy at temperature 0)
 * until the end-of-sequence token, a stop sequence, the token limit or a cancel. Text streams as it
 * is decoded.
 *
 * <p>Concurrent conversations share the model's decoding steps in a {@link RollingBatch}; with
 * {@code batching=false} each runs its own loop on the asking thread ({@link SoloDecoding}).
 */
final class DjlCausalLm implements ChatModel {

  /** Room kept free in the model's length for the answer when a long conversation is cut. */
  private static final int ANSWER_ROOM = 16;

  private final ZooModel<NDList, NDList> model;
  private final HuggingFaceTokenizer tokenizer;
  private final DecoderConfig config;
  private final boolean wordPiece;
  private final boolean useCache;
  private final RollingBatch batch;

  /**
   * @param wordPiece whether the tokenizer decodes Chinese with spaces between characters
   * @param useCache false recomputes the whole sequence every step (tests compare the two)
   * @param batch the shared decoding loop, or null to decode each conversation on its own
   */
  DjlCausalLm(
      ZooModel<NDList, NDList> model,
      HuggingFaceTokenizer tokenizer,
      DecoderConfig config,
      boolean wordPiece,
      boolean useCache,
      RollingBatch batch) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.config = config;
    this.wordPiece = wordPiece;
    this.useCache = useCache;
    this.batch = batch;
  }

  @Override
  public Completion generate(ChatRequest request, TokenSink sink, Cancellation cancellation) {
    return generate(request, sink, cancellation, false);
  }

  /**
   * @param ignoreEos keep generating past the end-of-sequence token, up to the token limit
   *     (benchmarks compare answers of one length)
   */
  Completion generate(
      ChatRequest request, TokenSink sink, Cancellation cancellation, boolean ignoreEos) {
    GenerationOptions options = request.options();
    long[] prompt =
        DecoderPrompt.encode(
            tokenizer, request.groundedMessages(), Math.max(1, config.maxLength() - ANSWER_ROOM));
    int budget = Math.min(options.maxTokens(), config.maxLength() - prompt.length);
    AnswerText answer = new AnswerText(tokenizer, wordPiece, sink, options.stop());
    DecodingSequence sequence = new DecodingSequence(prompt, options, budget, ignoreEos);
    if (budget < 1) {
      return answer.end(Completion.FinishReason.LENGTH);
    }
    try {
      if (batch == null) {
        return SoloDecoding.run(model, config, sequence, answer, cancellation, useCache);
      }
      cancellation.onCancel(sequence::withdraw);
      batch.submit(sequence);
      return follow(sequence, answer, cancellation);
    } catch (ChatModelException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ChatModelException(
          ChatModelException.Kind.FAILED, "the DJL model failed: " + e.getMessage(), e);
    }
  }

  /** Streams what the batch generates for {@code sequence} until it ends. */
  private static Completion follow(
      DecodingSequence sequence, AnswerText answer, Cancellation cancellation) {
    while (true) {
      DecodingSequence.Event event;
      try {
        event = sequence.next();
      } catch (InterruptedException e) {
        sequence.withdraw();
        Thread.currentThread().interrupt();
        return answer.end(Completion.FinishReason.CANCELLED);
      }
      if (cancellation.isCancelled()) {
        return answer.end(Completion.FinishReason.CANCELLED); // tokens already made are dropped
      }
      switch (event) {
        case DecodingSequence.Token token -> {
          if (answer.add(token.id())) {
            sequence.withdraw();
            return answer.stopped();
          }
        }
        case DecodingSequence.End end -> {
          return answer.end(end.reason());
        }
        case DecodingSequence.Failed failed -> throw failed.error();
      }
    }
  }

  @Override
  public long[] batchSizeCounts() {
    return batch == null ? new long[0] : batch.batchSizeCounts();
  }

  /** The shared decoding loop (null when each conversation decodes on its own). */
  RollingBatch batch() {
    return batch;
  }

  @Override
  public void close() {
    if (batch != null) {
      batch.close();
    }
    model.close();
    tokenizer.close();
  }
}
