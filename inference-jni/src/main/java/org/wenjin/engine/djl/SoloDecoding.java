package org.wenjin.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.wenjin.engine.spi.Cancellation;
import org.wenjin.engine.spi.Completion;

/**
 * One conversation decoded on the asking thread, batch of one: how the backend ran before {@link
 * RollingBatch} ({@code batching=false}), kept as the benchmark's baseline and, without the cache,
 * as the reference the cached and batched paths are tested against.
 */
final class SoloDecoding {

  private SoloDecoding() {}

  static Completion run(
      ZooModel<NDList, NDList> model,
      DecoderConfig config,
      DecodingSequence s,
      AnswerText answer,
      Cancellation cancellation,
      boolean useCache) {
    Block block = model.getBlock();
    try (NDManager generation = model.getNDManager().newSubManager()) {
      ParameterStore store = new ParameterStore(generation, false);
      NDList cache = null;
      long[] feed = s.prompt;
      while (s.generated < s.budget) {
        if (cancellation.isCancelled()) {
          return answer.end(Completion.FinishReason.CANCELLED);
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
        int token = Sampling.pick(logits, s.options);
        if (token == config.eosTokenId() && !s.ignoreEos) {
          return answer.end(Completion.FinishReason.STOP);
        }
        s.generated++;
        if (answer.add(token)) {
          return answer.stopped();
        }
        feed = useCache ? new long[] {token} : concat(s.prompt, answer.ids());
      }
      return answer.end(Completion.FinishReason.LENGTH);
    }
  }

  private static long[] concat(long[] prompt, long[] generated) {
    long[] all = Arrays.copyOf(prompt, prompt.length + generated.length);
    System.arraycopy(generated, 0, all, prompt.length, generated.length);
    return all;
  }
}
