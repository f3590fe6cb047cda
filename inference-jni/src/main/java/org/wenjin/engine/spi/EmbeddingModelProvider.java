package org.wenjin.engine.spi;

/**
 * Creates embedding models of one backend ("onnx"). Registered in {@code
 * META-INF/services/org.wenjin.engine.spi.EmbeddingModelProvider}.
 */
public interface EmbeddingModelProvider {

  /** The backend name operators write in the model registry. */
  String backend();

  /**
   * Loads the model described by {@code settings}.
   *
   * @throws IllegalArgumentException when the settings are incomplete or invalid
   * @throws ChatModelException when the model cannot be loaded
   */
  EmbeddingModel create(ModelSettings settings);
}
