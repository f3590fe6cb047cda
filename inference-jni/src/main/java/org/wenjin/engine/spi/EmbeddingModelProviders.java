package org.wenjin.engine.spi;

/** The embedding backends on the class path, by name. */
public final class EmbeddingModelProviders {

  private final Backends<EmbeddingModelProvider> backends =
      new Backends<>(
          EmbeddingModelProvider.class, EmbeddingModelProvider::backend, "embedding model");

  private EmbeddingModelProviders() {}

  public static EmbeddingModelProviders installed() {
    return new EmbeddingModelProviders();
  }

  public EmbeddingModel create(ModelSettings settings) {
    return backends.named(settings).create(settings);
  }
}
