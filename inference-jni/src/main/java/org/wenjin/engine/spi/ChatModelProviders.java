package org.wenjin.engine.spi;

/** The chat backends on the class path, by name. */
public final class ChatModelProviders {

  private final Backends<ChatModelProvider> backends =
      new Backends<>(ChatModelProvider.class, ChatModelProvider::backend, "model");

  private ChatModelProviders() {}

  public static ChatModelProviders installed() {
    return new ChatModelProviders();
  }

  public ChatModel create(ModelSettings settings) {
    return backends.named(settings).create(settings);
  }
}
