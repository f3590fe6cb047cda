package org.wenjin.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.wenjin.engine.spi.EmbeddingModel;
import org.wenjin.engine.spi.EmbeddingModelProviders;
import org.wenjin.engine.spi.ModelSettings;

/**
 * The embedding model alone on the benchmark's passages, in this process: the rate ingestion is
 * measured against. It is measured again around every ingestion pass, since a shared machine's
 * speed drifts by several per cent within minutes, and a ratio to a figure taken earlier would
 * measure the drift as much as the pipeline.
 */
final class RawEmbedding implements AutoCloseable {

  /** The backend's defaults (one text per core at once), and one text at a time on all cores. */
  private static final List<Map<String, String>> TUNINGS =
      List.of(Map.of(), Map.of("sessions", "1", "threads", "0"));

  private final List<String> passages;
  private final EmbeddingModel model;

  /** Compares the tunings once, then keeps the faster one loaded for {@link #rate()}. */
  RawEmbedding(List<String> passages) {
    this.passages = passages;
    Map<String, String> best = TUNINGS.get(0);
    double bestRate = 0;
    for (Map<String, String> tuning : TUNINGS) {
      try (EmbeddingModel candidate = load(tuning)) {
        double rate = measure(candidate, tuning.isEmpty() ? "defaults" : tuning.toString());
        if (rate > bestRate) {
          bestRate = rate;
          best = tuning;
        }
      }
    }
    this.model = load(best);
  }

  /** Passages per second now, with the faster tuning. */
  double rate() {
    return measure(model, "again");
  }

  /** The model, also for the benchmark's other uses (a tuning changes speed, never vectors). */
  EmbeddingModel model() {
    return model;
  }

  /** Loaded and warmed up on a few passages, so the first measurement is not a cold one. */
  private EmbeddingModel load(Map<String, String> tuning) {
    EmbeddingModel loaded =
        EmbeddingModelProviders.installed()
            .create(new ModelSettings("bge-small-zh", "onnx", tuning));
    loaded.embedPassages(passages.subList(0, Math.min(20, passages.size())));
    return loaded;
  }

  private double measure(EmbeddingModel m, String label) {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    m.embedPassages(passages);
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "Raw embedding (same model and passages, this process, %s): %.1f passages/s (%.1f s,"
            + " %.1f s of CPU)%n",
        label, passages.size() / seconds, seconds, (os.getProcessCpuTime() - cpu0) / 1e9);
    return passages.size() / seconds;
  }

  @Override
  public void close() {
    model.close();
  }
}
