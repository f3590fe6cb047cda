package org.wenjin.engine.onnx;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.EmbeddingModel;

/**
 * A BERT-style encoder in ONNX format, run by DJL's ONNX Runtime engine.
 *
 * <p>Each text is encoded alone, never in a batch: a quantized model scales activations over the
 * whole input tensor, so padding changes the vectors (cos 0.98–0.99 against the same text alone,
 * recipes/djl.md), and even two texts of equal length without padding drift (cos 0.995, tested).
 */
public final class OnnxEmbeddingModel implements EmbeddingModel {

  private final String id;
  private final Pooling pooling;
  private final String queryPrefix;
  private final HuggingFaceTokenizer tokenizer;
  private final ZooModel<NDList, NDList> model;
  private final List<String> inputNames;
  private final BlockingQueue<Predictor<NDList, NDList>> predictors;
  private final int dimensions;

  /** Helps a caller encode its texts on the other sessions; null with one session. */
  private final ExecutorService helpers;

  private final int helperCount;

  private OnnxEmbeddingModel(
      String id,
      Pooling pooling,
      String queryPrefix,
      HuggingFaceTokenizer tokenizer,
      ZooModel<NDList, NDList> model,
      int sessions) {
    this.id = id;
    this.pooling = pooling;
    this.queryPrefix = queryPrefix;
    this.tokenizer = tokenizer;
    this.model = model;
    this.inputNames = inputNames(model);
    this.predictors = new ArrayBlockingQueue<>(sessions);
    for (int i = 0; i < sessions; i++) {
      predictors.add(model.newPredictor());
    }
    this.helperCount = sessions - 1;
    this.helpers =
        helperCount == 0
            ? null
            : Executors.newFixedThreadPool(
                helperCount,
                Thread.ofPlatform().daemon().name("wenjin-embedding-" + id + "-", 1).factory());
    this.dimensions = embed(tokenizer.encode("probe")).length;
  }

  /**
   * How the model runs.
   *
   * @param maxTokens longer texts are truncated
   * @param sessions how many texts may be encoded at the same time
   * @param threads ONNX Runtime's threads within one encoding; 0 = one per core. With several
   *     concurrent callers on a small machine, 1 per caller avoids threads waiting on each other
   * @param queryPrefix put before queries (not passages), e.g. a model's retrieval instruction
   */
  public record Tuning(
      Pooling pooling, int maxTokens, int sessions, int threads, String queryPrefix) {}

  /** Loads the model; the caller closes it. */
  public static OnnxEmbeddingModel load(
      String id, Path onnxFile, Path tokenizerJson, Tuning tuning) {
    HuggingFaceTokenizer tokenizer;
    try {
      // by Path, never by hub name: a hub name ignores ai.djl.offline and goes to the network
      tokenizer =
          HuggingFaceTokenizer.builder()
              .optTokenizerPath(tokenizerJson)
              .optTruncation(true)
              .optPadding(false)
              .optMaxLength(tuning.maxTokens())
              .build();
    } catch (IOException | RuntimeException e) {
      throw new ChatModelException(
          ChatModelException.Kind.UNAVAILABLE,
          "cannot read the tokenizer " + tokenizerJson + ": " + e.getMessage(),
          e);
    }
    try {
      var criteria =
          Criteria.builder()
              .setTypes(NDList.class, NDList.class)
              .optEngine("OnnxRuntime")
              .optModelPath(onnxFile)
              .optTranslator(new NoopTranslator());
      if (tuning.threads() > 0) {
        criteria.optOption("intraOpNumThreads", String.valueOf(tuning.threads()));
      }
      ZooModel<NDList, NDList> model = criteria.build().loadModel();
      return new OnnxEmbeddingModel(
          id, tuning.pooling(), tuning.queryPrefix(), tokenizer, model, tuning.sessions());
    } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
      tokenizer.close();
      throw new ChatModelException(
          ChatModelException.Kind.UNAVAILABLE,
          "cannot load the embedding model " + onnxFile + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  /**
   * Encodes the texts one by one, on as many sessions at once as the model has: the caller takes
   * texts from a shared counter, and so do the helper threads.
   */
  @Override
  public List<float[]> embedPassages(List<String> texts) {
    float[][] vectors = new float[texts.size()][];
    AtomicInteger next = new AtomicInteger();
    Runnable encodeRest =
        () -> {
          for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
            vectors[i] = embed(tokenizer.encode(texts.get(i)));
          }
        };
    List<Future<?>> helping = new ArrayList<>();
    for (int h = 0; h < Math.min(helperCount, texts.size() - 1); h++) {
      helping.add(helpers.submit(encodeRest));
    }
    encodeRest.run();
    for (Future<?> helper : helping) {
      await(helper);
    }
    return Arrays.asList(vectors);
  }

  private static void await(Future<?> helper) {
    try {
      helper.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatModelException(
          ChatModelException.Kind.UNAVAILABLE, "interrupted while embedding");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new ChatModelException(ChatModelException.Kind.FAILED, e.getCause().toString(), e);
    }
  }

  @Override
  public float[] embedQuery(String text) {
    return embed(tokenizer.encode(queryPrefix + text));
  }

  /** One text's vector. */
  private float[] embed(Encoding encoding) {
    long[] ids = encoding.getIds();
    Shape shape = new Shape(1, ids.length);
    Predictor<NDList, NDList> predictor = takePredictor();
    try (NDManager manager = model.getNDManager().newSubManager()) {
      Map<String, NDArray> inputs =
          Map.of(
              "input_ids", manager.create(ids, shape),
              "attention_mask", manager.create(encoding.getAttentionMask(), shape),
              "token_type_ids", manager.create(encoding.getTypeIds(), shape));
      NDList in = new NDList();
      for (String name : inputNames) {
        NDArray array = inputs.get(name);
        if (array == null) {
          throw new ChatModelException(
              ChatModelException.Kind.REJECTED,
              "embedding model " + id + " wants the unknown input '" + name + "'");
        }
        array.setName(name);
        in.add(array);
      }
      NDArray hidden = predictor.predict(in).get(0);
      int dims = (int) hidden.getShape().get(2);
      // one copy out of ONNX Runtime, read in place: toFloatArray() would copy twice more, and
      // for long texts each copy is a G1 humongous object (over half a region of a 1 GB heap)
      FloatBuffer states = hidden.toByteBuffer().asFloatBuffer();
      return pooling.pool(states, ids.length, dims);
    } catch (TranslateException | RuntimeException e) {
      if (e instanceof ChatModelException cme) {
        throw cme;
      }
      throw new ChatModelException(
          ChatModelException.Kind.FAILED,
          "embedding model " + id + " failed: " + e.getMessage(),
          e);
    } finally {
      predictors.add(predictor);
    }
  }

  private Predictor<NDList, NDList> takePredictor() {
    try {
      return predictors.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatModelException(
          ChatModelException.Kind.UNAVAILABLE, "interrupted while waiting for the embedding model");
    }
  }

  private static List<String> inputNames(ZooModel<NDList, NDList> model) {
    PairList<String, Shape> described = model.describeInput();
    if (described == null || described.isEmpty()) {
      return List.of("input_ids", "attention_mask", "token_type_ids");
    }
    return described.keys();
  }

  @Override
  public void close() {
    if (helpers != null) {
      helpers.shutdownNow();
    }
    predictors.forEach(Predictor::close);
    model.close();
    tokenizer.close();
  }
}
