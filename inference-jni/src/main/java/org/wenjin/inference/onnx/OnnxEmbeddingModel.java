package org.wenjin.inference.onnx;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.wenjin.inference.spi.ChatModelException;
import org.wenjin.inference.spi.EmbeddingModel;

/**
 * A BERT-style encoder in ONNX format, run by DJL's ONNX Runtime engine.
 *
 * <p>Texts are never padded: quantized models scale activations over the whole input tensor, so
 * padding changes the vectors (cos 0.98–0.99 against the same text alone, recipes/djl.md). Texts of
 * equal token length are batched together instead, which gives the same vectors as one at a time.
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
    this.dimensions = run(List.of(tokenizer.encode("probe"))).get(0).length;
  }

  /**
   * Loads the model; the caller closes it.
   *
   * @param sessions how many texts may be encoded at the same time (ONNX Runtime uses all cores for
   *     each run, so more than the number of concurrent callers only costs memory)
   */
  public static OnnxEmbeddingModel load(
      String id,
      Path onnxFile,
      Path tokenizerJson,
      Pooling pooling,
      int maxTokens,
      int sessions,
      String queryPrefix) {
    HuggingFaceTokenizer tokenizer;
    try {
      // by Path, never by hub name: a hub name ignores ai.djl.offline and goes to the network
      tokenizer =
          HuggingFaceTokenizer.builder()
              .optTokenizerPath(tokenizerJson)
              .optTruncation(true)
              .optPadding(false)
              .optMaxLength(maxTokens)
              .build();
    } catch (IOException | RuntimeException e) {
      throw new ChatModelException(
          ChatModelException.Kind.UNAVAILABLE,
          "cannot read the tokenizer " + tokenizerJson + ": " + e.getMessage(),
          e);
    }
    try {
      ZooModel<NDList, NDList> model =
          Criteria.builder()
              .setTypes(NDList.class, NDList.class)
              .optEngine("OnnxRuntime")
              .optModelPath(onnxFile)
              .optTranslator(new NoopTranslator())
              .build()
              .loadModel();
      return new OnnxEmbeddingModel(id, pooling, queryPrefix, tokenizer, model, sessions);
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

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (String text : texts) {
      vectors.add(run(List.of(tokenizer.encode(text))).get(0));
    }
    return vectors;
  }

  @Override
  public float[] embedQuery(String text) {
    return run(List.of(tokenizer.encode(queryPrefix + text))).get(0);
  }

  /** Encodings of equal length, one batch. */
  private List<float[]> run(List<Encoding> batch) {
    int rows = batch.size();
    int tokens = batch.get(0).getIds().length;
    long[] ids = new long[rows * tokens];
    long[] mask = new long[rows * tokens];
    long[] types = new long[rows * tokens];
    for (int r = 0; r < rows; r++) {
      Encoding e = batch.get(r);
      System.arraycopy(e.getIds(), 0, ids, r * tokens, tokens);
      System.arraycopy(e.getAttentionMask(), 0, mask, r * tokens, tokens);
      System.arraycopy(e.getTypeIds(), 0, types, r * tokens, tokens);
    }
    Predictor<NDList, NDList> predictor = takePredictor();
    try (NDManager manager = model.getNDManager().newSubManager()) {
      Shape shape = new Shape(rows, tokens);
      Map<String, NDArray> inputs =
          Map.of(
              "input_ids", manager.create(ids, shape),
              "attention_mask", manager.create(mask, shape),
              "token_type_ids", manager.create(types, shape));
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
      float[] all = hidden.toFloatArray();
      List<float[]> vectors = new ArrayList<>(rows);
      for (int r = 0; r < rows; r++) {
        float[] one = Arrays.copyOfRange(all, r * tokens * dims, (r + 1) * tokens * dims);
        vectors.add(pooling.pool(one, tokens, dims));
      }
      return vectors;
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
    predictors.forEach(Predictor::close);
    model.close();
    tokenizer.close();
  }
}
