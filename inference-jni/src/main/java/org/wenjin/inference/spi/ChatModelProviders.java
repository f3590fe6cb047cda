package org.wenjin.inference.spi;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The backends on the class path, by name. */
public final class ChatModelProviders {

  private final Map<String, ChatModelProvider> byBackend = new TreeMap<>();

  private ChatModelProviders() {}

  /**
   * Providers visible to this library's class loader (the JBoss module, or the test class path).
   */
  public static ChatModelProviders installed() {
    ChatModelProviders providers = new ChatModelProviders();
    ServiceLoader.load(ChatModelProvider.class, ChatModelProvider.class.getClassLoader())
        .forEach(p -> providers.byBackend.put(p.backend(), p));
    return providers;
  }

  public ChatModel create(ModelSettings settings) {
    ChatModelProvider provider = byBackend.get(settings.backend());
    if (provider == null) {
      throw new IllegalArgumentException(
          "model "
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
