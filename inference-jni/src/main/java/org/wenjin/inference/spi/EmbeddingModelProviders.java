package org.wenjin.inference.spi;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The embedding backends on the class path, by name. */
public final class EmbeddingModelProviders {

  private final Map<String, EmbeddingModelProvider> byBackend = new TreeMap<>();

  private EmbeddingModelProviders() {}

  public static EmbeddingModelProviders installed() {
    EmbeddingModelProviders providers = new EmbeddingModelProviders();
    ServiceLoader.load(EmbeddingModelProvider.class, EmbeddingModelProvider.class.getClassLoader())
        .forEach(p -> providers.byBackend.put(p.backend(), p));
    return providers;
  }

  public EmbeddingModel create(ModelSettings settings) {
    EmbeddingModelProvider provider = byBackend.get(settings.backend());
    if (provider == null) {
      throw new IllegalArgumentException(
          "embedding model "
              + settings.id()
              + " names the unknown backend '"
              + settings.backend()
              + "' (installed: "
              + String.join(", ", byBackend.keySet())
              + ")");
    }
    return provider.create(settings);
  }
}
