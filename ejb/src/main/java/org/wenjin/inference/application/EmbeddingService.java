package org.wenjin.inference.application;

import java.util.List;

/**
 * The installation's embedding model, shared by ingestion and search. Loaded on first use (about a
 * second), so a server whose knowledge base is never used never pays for it.
 *
 * <p>Failures surface as {@link org.wenjin.engine.spi.ChatModelException}.
 */
public interface EmbeddingService {

  /** The model's id, stored with each vector. */
  String modelId();

  List<float[]> embedPassages(List<String> texts);

  float[] embedQuery(String text);
}
