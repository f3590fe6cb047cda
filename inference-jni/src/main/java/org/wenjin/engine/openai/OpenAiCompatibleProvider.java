package org.wenjin.engine.openai;

import java.net.URI;
import java.time.Duration;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelProvider;
import org.wenjin.engine.spi.ModelSettings;

/**
 * Backend {@code openai}. Properties: {@code url} (base URL ending in {@code /v1}), {@code model}
 * (the server's model name), optional {@code api-key}, optional {@code response-timeout-seconds}
 * (default 60: time to the first byte, long enough for a cold model).
 */
public final class OpenAiCompatibleProvider implements ChatModelProvider {

  @Override
  public String backend() {
    return "openai";
  }

  @Override
  public ChatModel create(ModelSettings settings) {
    URI url = URI.create(settings.required("url"));
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException(
          "model " + settings.id() + ": url must be http(s), not " + url);
    }
    long timeout =
        Long.parseLong(settings.property("response-timeout-seconds").orElse("60").trim());
    return new OpenAiCompatibleChatModel(
        url, settings.required("model"), settings.property("api-key"), Duration.ofSeconds(timeout));
  }
}
