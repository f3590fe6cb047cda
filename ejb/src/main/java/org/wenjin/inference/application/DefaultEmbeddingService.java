package org.wenjin.inference.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.EmbeddingModel;
import org.wenjin.engine.spi.EmbeddingModelProviders;
import org.wenjin.engine.spi.ModelSettings;

/**
 * Holds the server's two {@link EmbeddingModel}s. Configuration (MicroProfile Config): {@code
 * wenjin.embedding.model-file} and {@code wenjin.embedding.tokenizer-file} for an ONNX model of the
 * operator's choice in place of the Chinese one (default: the built-in bge-small-zh-v1.5), {@code
 * wenjin.embedding.pooling}, {@code wenjin.embedding.query-prefix}; {@code
 * wenjin.embedding.english} ({@code bge-small-en-v1.5}, the default, or {@code none}: English goes
 * to the Chinese model too); {@code wenjin.embedding.sessions} (texts encoded at once) and {@code
 * wenjin.embedding.threads} (ONNX Runtime threads per text), for both. docs/models.md explains when
 * a change needs a re-index.
 */
// CDI, not an EJB: model errors (ChatModelException) reach callers as they are, not wrapped
@ApplicationScoped
public class DefaultEmbeddingService implements EmbeddingService {

  private static final Logger LOG = Logger.getLogger(DefaultEmbeddingService.class.getName());

  @Inject
  @ConfigProperty(name = "wenjin.embedding.model-file")
  Optional<String> modelFile;

  @Inject
  @ConfigProperty(name = "wenjin.embedding.tokenizer-file")
  Optional<String> tokenizerFile;

  @Inject
  @ConfigProperty(name = "wenjin.embedding.pooling", defaultValue = "cls")
  String pooling;

  @Inject
  @ConfigProperty(name = "wenjin.embedding.query-prefix")
  Optional<String> queryPrefix;

  @Inject
  @ConfigProperty(name = "wenjin.embedding.english", defaultValue = ENGLISH_MODEL)
  String english;

  @Inject
  @ConfigProperty(name = "wenjin.embedding.sessions")
  Optional<String> sessions;

  @Inject
  @ConfigProperty(name = "wenjin.embedding.threads")
  Optional<String> threads;

  @Inject
  @ConfigProperty(name = "wenjin.data.dir")
  Optional<String> dataDir;

  /** The built-in English model (LangChain4j's quantized ONNX export of BAAI's bge-small-en). */
  static final String ENGLISH_MODEL = "bge-small-en-v1.5";

  /** How long a model that failed to load is not tried again (each try takes the lock). */
  private static final long RETRY_AFTER_NANOS = 60_000_000_000L;

  private final Loaded chinese = new Loaded();

  private final Loaded englishModel = new Loaded();

  private EmbeddingModel model(String language) {
    if (ENGLISH.equals(language) && !"none".equalsIgnoreCase(english.strip())) {
      return englishModel.get(this::loadEnglish);
    }
    return chinese.get(this::load);
  }

  /**
   * One lazily loaded model, its own lock; a failed load is remembered for a minute, so a broken
   * model file does not make every search wait for another attempt. Failures are {@link
   * ChatModelException}s, which callers treat as "no model now" (search falls back to words).
   */
  private static final class Loaded {
    private volatile EmbeddingModel model;
    private ChatModelException failure;
    private long failedAt;

    EmbeddingModel get(java.util.function.Supplier<EmbeddingModel> load) {
      EmbeddingModel m = model;
      if (m != null) {
        return m;
      }
      synchronized (this) {
        if (model == null) {
          if (failure != null && System.nanoTime() - failedAt < RETRY_AFTER_NANOS) {
            throw failure;
          }
          try {
            model = load.get();
            failure = null;
          } catch (ChatModelException e) {
            remember(e);
            throw e;
          } catch (RuntimeException e) {
            remember(
                new ChatModelException(
                    ChatModelException.Kind.UNAVAILABLE,
                    "the embedding model could not be loaded: " + e.getMessage(),
                    e));
            throw failure;
          }
        }
        return model;
      }
    }

    private void remember(ChatModelException e) {
      failure = e;
      failedAt = System.nanoTime();
    }

    void close() {
      EmbeddingModel m = model;
      if (m != null) {
        m.close();
      }
    }
  }

  private EmbeddingModel loadEnglish() {
    if (!ENGLISH_MODEL.equals(english.strip())) {
      throw new IllegalStateException(
          "wenjin.embedding.english is '" + english + "'; it takes " + ENGLISH_MODEL + " or none");
    }
    Map<String, String> properties = new HashMap<>();
    properties.put("built-in", "en");
    dataDir.ifPresent(d -> properties.put("cache-dir", Path.of(d, "models").toString()));
    sessions.ifPresent(n -> properties.put("sessions", n));
    threads.ifPresent(n -> properties.put("threads", n));
    return timed(
        "bge-small-en-v1.5-q",
        () ->
            EmbeddingModelProviders.installed()
                .create(new ModelSettings("bge-small-en-v1.5-q", "onnx", properties)));
  }

  private static EmbeddingModel timed(String id, java.util.function.Supplier<EmbeddingModel> load) {
    long started = System.nanoTime();
    EmbeddingModel loaded = load.get();
    LOG.info(
        () ->
            "Embedding model "
                + id
                + " ("
                + loaded.dimensions()
                + " dimensions) loaded in "
                + (System.nanoTime() - started) / 1_000_000
                + " ms");
    return loaded;
  }

  private EmbeddingModel load() {
    Map<String, String> properties = new HashMap<>();
    modelFile.filter(f -> !f.isBlank()).ifPresent(f -> properties.put("model", f));
    tokenizerFile.filter(f -> !f.isBlank()).ifPresent(f -> properties.put("tokenizer", f));
    dataDir.ifPresent(d -> properties.put("cache-dir", Path.of(d, "models").toString()));
    properties.put("pooling", pooling);
    queryPrefix.ifPresent(p -> properties.put("query-prefix", p));
    sessions.ifPresent(n -> properties.put("sessions", n));
    threads.ifPresent(n -> properties.put("threads", n));
    String id = properties.containsKey("model") ? "custom-onnx" : "bge-small-zh-v1.5-q";
    return timed(
        id,
        () ->
            EmbeddingModelProviders.installed().create(new ModelSettings(id, "onnx", properties)));
  }

  @Override
  public String modelId(String language) {
    return model(language).id();
  }

  @Override
  public List<float[]> embedPassages(String language, List<String> texts) {
    return model(language).embedPassages(texts);
  }

  @Override
  public float[] embedQuery(String language, String text) {
    return model(language).embedQuery(text);
  }

  @PreDestroy
  void close() {
    chinese.close();
    englishModel.close();
  }
}
