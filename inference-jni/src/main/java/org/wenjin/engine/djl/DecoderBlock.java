package org.wenjin.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A GPT-style decoder made of DJL blocks: token embedding plus sinusoidal positions, pre-norm
 * transformer layers with causal self-attention, a language-model head.
 *
 * <p>Inputs: token ids {@code [batch, new tokens]}, then optionally the cache of an earlier call,
 * keys and values per layer {@code [batch, heads, past tokens, head size]}. Outputs: logits {@code
 * [batch, new tokens, vocabulary]}, then the cache including the new tokens, in the same order. So
 * a generation feeds the prompt once and afterwards one token per step.
 *
 * <p>Rows of a batch may have histories of different lengths: the parameter {@value #PADDING} (a
 * {@code long[]}, one per row) says how many leading cache positions of each row are padding. They
 * are masked out and a row's positions count from its first real token, so a row computes the same
 * as it would alone ({@link RollingBatch} keeps many conversations in one cache that way).
 */
public final class DecoderBlock extends AbstractBlock {

  /** The forward parameter with each row's count of leading padding positions in the cache. */
  public static final String PADDING = "padding";

  /** The forward parameter with the first position to compute logits for (default: all). */
  public static final String LOGITS_FROM = "logits_from";

  private final DecoderConfig config;
  private final Linear embedding;
  private final List<Layer> layers = new ArrayList<>();
  private final LayerNorm finalNorm;

  private final Linear head;

  private record Layer(
      LayerNorm attentionNorm, Linear qkv, Linear out, LayerNorm mlpNorm, Linear up, Linear down) {}

  public DecoderBlock(DecoderConfig config) {
    this.config = config;
    int d = config.hidden();
    // one-hot × weights: an embedding table that every engine can train
    embedding = addChildBlock("embedding", linear(d, false));
    for (int l = 0; l < config.layers(); l++) {
      layers.add(
          new Layer(
              addChildBlock("attention_norm_" + l, norm()),
              addChildBlock("qkv_" + l, linear(3 * d, true)),
              addChildBlock("attention_out_" + l, linear(d, true)),
              addChildBlock("mlp_norm_" + l, norm()),
              addChildBlock("mlp_up_" + l, linear(4 * d, true)),
              addChildBlock("mlp_down_" + l, linear(d, true))));
    }
    finalNorm = addChildBlock("final_norm", norm());
    head = addChildBlock("lm_head", linear(config.vocabSize(), false));
  }

  private static Linear linear(int units, boolean bias) {
    return Linear.builder().setUnits(units).optBias(bias).build();
  }

  private static LayerNorm norm() {
    return LayerNorm.builder().axis(2).build(); // over the features only, not the positions
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.get(0);
    long batch = ids.getShape().get(0);
    long tokens = ids.getShape().get(1);
    boolean cached = inputs.size() > 1;
    long past = cached ? inputs.get(1).getShape().get(2) : 0;
    NDManager manager = ids.getManager();
    long[] padding = padding(params, batch);

    BiFunction<Block, NDArray, NDArray> run =
        (block, input) -> block.forward(store, new NDList(input), training).singletonOrThrow();
    NDArray x = embed(store, ids, training, run).add(positions(manager, past, tokens, padding));
    NDArray mask = mask(manager, past, tokens, padding);
    NDList cache = new NDList();
    int h = config.heads();
    int hs = config.headSize();
    for (int l = 0; l < layers.size(); l++) {
      Layer layer = layers.get(l);
      NDList qkv = run.apply(layer.qkv(), run.apply(layer.attentionNorm(), x)).split(3, 2);
      NDArray q = qkv.get(0).reshape(batch, tokens, h, hs).transpose(0, 2, 1, 3);
      NDArray k = qkv.get(1).reshape(batch, tokens, h, hs).transpose(0, 2, 1, 3);
      NDArray v = qkv.get(2).reshape(batch, tokens, h, hs).transpose(0, 2, 1, 3);
      if (cached) {
        k = inputs.get(1 + 2 * l).concat(k, 2);
        v = inputs.get(2 + 2 * l).concat(v, 2);
      }
      cache.add(k);
      cache.add(v);
      NDArray attention =
          q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(hs)).add(mask).softmax(-1);
      NDArray mixed =
          attention.matMul(v).transpose(0, 2, 1, 3).reshape(batch, tokens, config.hidden());
      x = x.add(run.apply(layer.out(), mixed));
      NDArray up = Activation.gelu(run.apply(layer.up(), run.apply(layer.mlpNorm(), x)));
      x = x.add(run.apply(layer.down(), up));
    }
    Object from = params == null ? null : params.get(LOGITS_FROM);
    if (from != null) {
      x = x.get(new NDIndex(":, {}:, :", (int) from)); // training scores the answer only
    }
    NDList out = new NDList(run.apply(head, run.apply(finalNorm, x)));
    out.addAll(cache);
    return out;
  }

  /**
   * The embeddings of the tokens. Training multiplies one-hot rows by the table (its gradient is
   * then a plain dense one, which the optimiser updates fast); generating looks the rows up, which
   * gives the same numbers without a vocabulary-wide product per token.
   */
  private NDArray embed(
      ParameterStore store,
      NDArray ids,
      boolean training,
      BiFunction<Block, NDArray, NDArray> run) {
    if (training) {
      return run.apply(embedding, ids.oneHot(config.vocabSize()).toType(DataType.FLOAT32, false));
    }
    Shape shape = ids.getShape();
    NDArray table = store.getValue(embedding.getParameters().get("weight"), ids.getDevice(), false);
    NDArray columns = table.transpose();
    NDArray rows = columns.get(new NDIndex("{}", ids.flatten()));
    columns.close();
    // results live in their first operand's manager: the table's is the model's, which would
    // keep every step's activations until the model is unloaded
    rows.attach(ids.getManager());
    return rows.reshape(shape.get(0), shape.get(1), config.hidden());
  }

  private static long[] padding(PairList<String, Object> params, long batch) {
    Object value = params == null ? null : params.get(PADDING);
    if (value == null) {
      return null;
    }
    long[] padding = (long[]) value;
    if (padding.length != batch) {
      throw new IllegalArgumentException(
          "padding has " + padding.length + " rows, the batch " + batch);
    }
    return padding;
  }

  /**
   * Sinusoidal position codes of the new tokens: row r's token t sits at past - padding[r] + t
   * ({@code [1, tokens, hidden]} shared by all rows when there is no padding).
   */
  private NDArray positions(NDManager manager, long past, long tokens, long[] padding) {
    int d = config.hidden();
    int rows = padding == null ? 1 : padding.length;
    float[] codes = new float[rows * (int) tokens * d];
    for (int r = 0; r < rows; r++) {
      long first = past - (padding == null ? 0 : padding[r]);
      for (int t = 0; t < tokens; t++) {
        int at = (r * (int) tokens + t) * d;
        for (int i = 0; i < d; i++) {
          double angle = (first + t) / Math.pow(10_000, (2 * (i / 2)) / (double) d);
          codes[at + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
        }
      }
    }
    return manager.create(codes, new Shape(rows, tokens, d));
  }

  /**
   * New token t (at position past + t) sees every position up to its own, except its row's padding.
   */
  private static NDArray mask(NDManager manager, long past, long tokens, long[] padding) {
    long total = past + tokens;
    int rows = padding == null ? 1 : padding.length;
    float[] mask = new float[(int) (rows * tokens * total)];
    for (int r = 0; r < rows; r++) {
      long padded = padding == null ? 0 : padding[r];
      for (int t = 0; t < tokens; t++) {
        int at = (int) ((r * tokens + t) * total);
        for (long j = 0; j < total; j++) {
          if (j < padded || j > past + t) {
            mask[at + (int) j] = -1e9f;
          }
        }
      }
    }
    return manager.create(mask, new Shape(rows, 1, tokens, total));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    long tokens = inputShapes[0].get(1);
    int d = config.hidden();
    Shape wide = new Shape(batch, tokens, d);
    embedding.initialize(manager, dataType, new Shape(batch, tokens, config.vocabSize()));
    for (Layer layer : layers) {
      layer.attentionNorm().initialize(manager, dataType, wide);
      layer.qkv().initialize(manager, dataType, wide);
      layer.out().initialize(manager, dataType, wide);
      layer.mlpNorm().initialize(manager, dataType, wide);
      layer.up().initialize(manager, dataType, wide);
      layer.down().initialize(manager, dataType, new Shape(batch, tokens, 4L * d));
    }
    finalNorm.initialize(manager, dataType, wide);
    head.initialize(manager, dataType, wide);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long batch = inputShapes[0].get(0);
    long tokens = inputShapes[0].get(1);
    long past = inputShapes.length > 1 ? inputShapes[1].get(2) : 0;
    Shape[] shapes = new Shape[1 + 2 * config.layers()];
    shapes[0] = new Shape(batch, tokens, config.vocabSize());
    for (int i = 1; i < shapes.length; i++) {
      shapes[i] = new Shape(batch, config.heads(), past + tokens, config.headSize());
    }
    return shapes;
  }
}
