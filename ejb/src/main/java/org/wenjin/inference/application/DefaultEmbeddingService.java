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
import org.wenjin.engine.spi.EmbeddingModel;
import org.wenjin.engine.spi.EmbeddingModelProviders;
import org.wenjin.engine.spi.ModelSettings;

/**
 * Holds one {@link EmbeddingModel} for the server. Configuration (MicroProfile Config): {@code
 * wenjin.embedding.model-file} and {@code wenjin.embedding.tokenizer-file} for an ONNX model of the
 * operator's choice (default: the built-in bge-small-zh-v1.5), {@code wenjin.embedding.pooling},
 * {@code wenjin.embedding.query-prefix}; {@code wenjin.embedding.sessions} (texts encoded at once)
 * and {@code wenjin.embedding.threads} (ONNX Runtime threads per text). docs/models.md explains
 * when a change needs a re-index.
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
  @ConfigProperty(name = "wenjin.embedding.sessions")
  Optional<String> sessions;

  @Inject
  @ConfigProperty(name = "wenjin.embedding.threads")
  Optional<String> threads;

  @Inject
  @ConfigProperty(name = "wenjin.data.dir")
  Optional<String> dataDir;

  private volatile EmbeddingModel model;

  private EmbeddingModel model() {
    EmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        if (model == null) {
          model = load();
        }
        m = model;
      }
    }
    return m;
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
    long started = System.nanoTime();
    EmbeddingModel loaded =
        EmbeddingModelProviders.installed().create(new ModelSettings(id, "onnx", properties));
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

  @Override
  public String modelId() {
    return model().id();
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    return model().embedPassages(texts);
  }

  @Override
  public float[] embedQuery(String text) {
    return model().embedQuery(text);
  }

  @PreDestroy
  void close() {
    EmbeddingModel m = model;
    if (m != null) {
      m.close();
    }
  }
}
