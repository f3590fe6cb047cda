package org.wenjin.engine.extractive;

import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelProvider;
import org.wenjin.engine.spi.ModelSettings;

/** Backend {@code extractive}. Property: {@code quote-length} (characters per passage, 400). */
public final class ExtractiveProvider implements ChatModelProvider {

  @Override
  public String backend() {
    return "extractive";
  }

  @Override
  public ChatModel create(ModelSettings settings) {
    int quoteLength = Integer.parseInt(settings.property("quote-length").orElse("400").trim());
    if (quoteLength < 20) {
      throw new IllegalArgumentException("model " + settings.id() + ": quote-length below 20");
    }
    return new ExtractiveChatModel(quoteLength);
  }
}
