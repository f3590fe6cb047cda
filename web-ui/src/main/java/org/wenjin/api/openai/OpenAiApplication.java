package org.wenjin.api.openai;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.wenjin.api.ApiExceptionMapper;
import org.wenjin.api.limits.BodyLimitFilter;
import org.wenjin.api.limits.RateLimitFilter;

/**
 * The OpenAI-compatible API at {@code /v1}: models, chat completions, embeddings. Callers sign in
 * with a personal API key or a Keycloak token ({@link OpenAiSignInFilter}); the rate and body
 * limits and the error mapping are the same as {@code /api}'s, in OpenAI's error shape ({@link
 * OpenAiErrors}). Its classes are listed, so neither application serves the other's resources.
 */
@ApplicationPath("/v1")
public class OpenAiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        ModelsResource.class,
        ChatCompletionsResource.class,
        EmbeddingsResource.class,
        StreamSelection.class,
        OpenAiErrors.class,
        ApiExceptionMapper.class,
        RateLimitFilter.class,
        BodyLimitFilter.class);
  }
}
