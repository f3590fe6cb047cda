package org.wenjin.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wenjin.engine.spi.EmbeddingModel;
import org.wenjin.engine.spi.EmbeddingModelProviders;
import org.wenjin.engine.spi.ModelSettings;
import org.wenjin.knowledge.domain.QueryLanguage;

/**
 * The embedding models alone on the benchmark's passages, in this process: the rate ingestion is
 * measured against. Each passage goes to the model of its language, as ingestion sends it
 * (bge-small-zh for Chinese, bge-small-en for English), so the comparison holds with every model
 * the app runs. It is measured again around every ingestion pass, since a shared machine's speed
 * drifts by several per cent within minutes, and a ratio to a figure taken earlier would measure
 * the drift as much as the pipeline.
 */
final class RawEmbedding implements AutoCloseable {

  /** The backend's defaults (one text per core at once), and one text at a time on all cores. */
  private static final List<Map<String, String>> TUNINGS =
      List.of(Map.of(), Map.of("sessions", "1", "threads", "0"));

  private final Map<QueryLanguage, List<String>> byLanguage;
  private final int count;
  private final Map<QueryLanguage, EmbeddingModel> models;

  /**
   * Compares the tunings once, then keeps the faster one loaded for {@link #rate()}.
   *
   * @param languages the language of each passage (of its text, as ingestion decides it)
   */
  RawEmbedding(List<String> passages, List<QueryLanguage> languages) {
    byLanguage = new HashMap<>();
    for (int i = 0; i < passages.size(); i++) {
      byLanguage.computeIfAbsent(languages.get(i), l -> new ArrayList<>()).add(passages.get(i));
    }
    count = passages.size();
    Map<String, String> best = TUNINGS.get(0);
    double bestRate = 0;
    for (Map<String, String> tuning : TUNINGS) {
      Map<QueryLanguage, EmbeddingModel> candidate = load(tuning);
      double rate = measure(candidate, tuning.isEmpty() ? "defaults" : tuning.toString());
      candidate.values().forEach(EmbeddingModel::close);
      if (rate > bestRate) {
        bestRate = rate;
        best = tuning;
      }
    }
    this.models = load(best);
    System.out.printf(
        "  (%d Chinese passages to bge-small-zh, %d English to bge-small-en)%n",
        byLanguage.getOrDefault(QueryLanguage.CHINESE, List.of()).size(),
        byLanguage.getOrDefault(QueryLanguage.ENGLISH, List.of()).size());
  }

  /** Passages per second now, with the faster tuning. */
  double rate() {
    return measure(models, "again");
  }

  /** The Chinese model, for the benchmark's other uses (a tuning changes speed, never vectors). */
  EmbeddingModel model() {
    return model(QueryLanguage.CHINESE);
  }

  EmbeddingModel model(QueryLanguage language) {
    return models.get(language);
  }

  /** Both models loaded and warmed up on a few passages, so no measurement is a cold one. */
  private Map<QueryLanguage, EmbeddingModel> load(Map<String, String> tuning) {
    Map<QueryLanguage, EmbeddingModel> loaded = new HashMap<>();
    for (QueryLanguage language : QueryLanguage.values()) {
      Map<String, String> properties = new HashMap<>(tuning);
      properties.put("built-in", language.tag());
      EmbeddingModel m =
          EmbeddingModelProviders.installed()
              .create(new ModelSettings("bge-small-" + language.tag(), "onnx", properties));
      List<String> some = byLanguage.getOrDefault(language, List.of("warm-up"));
      m.embedPassages(some.subList(0, Math.min(20, some.size())));
      loaded.put(language, m);
    }
    return loaded;
  }

  private double measure(Map<QueryLanguage, EmbeddingModel> m, String label) {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    byLanguage.forEach((language, texts) -> m.get(language).embedPassages(texts));
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "Raw embedding (same models and passages, this process, %s): %.1f passages/s (%.1f s,"
            + " %.1f s of CPU)%n",
        label, count / seconds, seconds, (os.getProcessCpuTime() - cpu0) / 1e9);
    return count / seconds;
  }

  @Override
  public void close() {
    models.values().forEach(EmbeddingModel::close);
  }
}
