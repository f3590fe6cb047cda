package org.wenjin.engine.spi;

/**
 * Creates models of one backend ("openai", "djl", "llama", "extractive"). Registered in {@code
 * META-INF/services/org.wenjin.engine.spi.ChatModelProvider}.
 */
public interface ChatModelProvider {

  /** The backend name operators write in the model registry. */
  String backend();

  /**
   * Loads or connects the model described by {@code settings}.
   *
   * @throws IllegalArgumentException when the settings are incomplete or invalid
   * @throws ChatModelException when the model cannot be loaded
   */
  ChatModel create(ModelSettings settings);
}
