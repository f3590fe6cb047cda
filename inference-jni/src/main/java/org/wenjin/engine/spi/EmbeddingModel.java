package org.wenjin.engine.spi;

import java.util.List;

/**
 * Turns text into unit-length vectors whose dot product says how close two texts are in meaning.
 * Index and queries must use the same model: vectors of different models are not comparable.
 * Implementations are thread-safe.
 */
public interface EmbeddingModel extends AutoCloseable {

  /** The registry id; stored next to every vector so a model change is detected, not mixed in. */
  String id();

  /** Length of every vector this model returns. */
  int dimensions();

  /**
   * Embeds document passages, one vector per text, in order.
   *
   * @throws ChatModelException when the model cannot run
   */
  List<float[]> embedPassages(List<String> texts);

  /** Embeds a search query (some models want a query instruction; see the implementation). */
  float[] embedQuery(String text);

  /** Frees the native session; the model cannot be used afterwards. */
  @Override
  void close();
}
