package org.wenjin.engine.djl;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.wenjin.engine.spi.Cancellation;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.Completion;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.engine.spi.TokenSink;

/**
 * Generates with a {@link DecoderBlock}: the prompt is fed once, then one token per step against
 * the key/value cache, sampled (or greedy at temperature 0) until the end-of-sequence token, a stop
 * sequence, the token limit or a cancel. Text streams as it is decoded. One loaded model serves
 * concurrent generations: each has its own arrays and cache, the weights are only read.
 */
final class DjlCausalLm implements ChatModel {

  private final ZooModel<NDList, NDList> model;
  private final HuggingFaceTokenizer tokenizer;
  private final DecoderConfig config;
  private final boolean wordPiece;
  private final boolean useCache;

  /**
   * @param wordPiece whether the tokenizer decodes Chinese with spaces between characters
   * @param useCache false recomputes the whole sequence every step (tests compare the two)
   */
  DjlCausalLm(
      ZooModel<NDList, NDList> model,
      HuggingFaceTokenizer tokenizer,
      DecoderConfig config,
      boolean wordPiece,
      boolean useCache) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.config = config;
    this.wordPiece = wordPiece;
    this.useCache = useCache;
  }

  @Override
  public Completion generate(ChatRequest request, TokenSink sink, Cancellation cancellation) {
    GenerationOptions options = request.options();
    long[] prompt = prompt(request);
    int budget = Math.min(options.maxTokens(), config.maxLength() - prompt.length);
    List<Long> generated = new ArrayList<>();
    StreamedText text = new StreamedText(sink, options.stop());
    Block block = model.getBlock();
    try (NDManager generation = model.getNDManager().newSubManager()) {
      ParameterStore store = new ParameterStore(generation, false);
      NDList cache = null;
      long[] feed = prompt;
      while (generated.size() < budget) {
        if (cancellation.isCancelled()) {
          text.finish();
          return new Completion(Completion.FinishReason.CANCELLED, generated.size());
        }
        float[] logits;
        try (NDManager step = generation.newSubManager()) {
          NDList inputs = new NDList(step.create(feed).reshape(1, feed.length));
          if (cache != null) {
            inputs.addAll(cache);
          }
          NDList out = block.forward(store, inputs, false);
          NDArray last = out.get(0).get(0).get(feed.length - 1);
          logits = last.toFloatArray();
          if (cache != null) {
            cache.close();
          }
          cache = null;
          if (useCache) {
            cache = out.subNDList(1);
            cache.attach(generation);
          }
        }
        int token = pick(logits, options);
        if (token == config.eosTokenId()) {
          text.finish();
          return new Completion(Completion.FinishReason.STOP, generated.size());
        }
        generated.add((long) token);
        if (text.update(decode(generated))) {
          return new Completion(Completion.FinishReason.STOP, generated.size());
        }
        feed = useCache ? new long[] {token} : concat(prompt, generated);
      }
      text.finish();
      return new Completion(Completion.FinishReason.LENGTH, generated.size());
    } catch (RuntimeException e) {
      throw new ChatModelException(
          ChatModelException.Kind.FAILED, "the DJL model failed: " + e.getMessage(), e);
    }
  }

  /**
   * The grounded question as the tokenizer encodes it (with its special tokens), keeping the end
   * when it is too long: that is where the question is.
   */
  private long[] prompt(ChatRequest request) {
    String question = request.groundedMessages().getLast().content();
    long[] ids = tokenizer.encode(question).getIds();
    int room = Math.max(1, config.maxLength() - 16);
    return ids.length <= room ? ids : Arrays.copyOfRange(ids, ids.length - room, ids.length);
  }

  private String decode(List<Long> ids) {
    long[] array = ids.stream().mapToLong(Long::longValue).toArray();
    String decoded = tokenizer.decode(array, true);
    return wordPiece ? CjkSpacing.join(decoded) : decoded;
  }

  private static long[] concat(long[] prompt, List<Long> generated) {
    long[] all = Arrays.copyOf(prompt, prompt.length + generated.size());
    for (int i = 0; i < generated.size(); i++) {
      all[prompt.length + i] = generated.get(i);
    }
    return all;
  }

  /** Greedy at temperature 0, else nucleus sampling (top-p) from the tempered distribution. */
  static int pick(float[] logits, GenerationOptions options) {
    if (options.temperature() == 0) {
      int best = 0;
      for (int i = 1; i < logits.length; i++) {
        if (logits[i] > logits[best]) {
          best = i;
        }
      }
      return best;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double[] p = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      p[i] = Math.exp((logits[i] - max) / options.temperature());
      sum += p[i];
    }
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    double[] probability = p;
    Arrays.sort(order, (a, b) -> Double.compare(probability[b], probability[a]));
    double nucleus = 0;
    int kept = 0;
    while (kept < order.length && nucleus < options.topP() * sum) {
      nucleus += p[order[kept++]];
    }
    double r = ThreadLocalRandom.current().nextDouble() * nucleus;
    for (int i = 0; i < kept; i++) {
      r -= p[order[i]];
      if (r <= 0) {
        return order[i];
      }
    }
    return order[kept - 1];
  }

  @Override
  public void close() {
    model.close();
    tokenizer.close();
  }
}
