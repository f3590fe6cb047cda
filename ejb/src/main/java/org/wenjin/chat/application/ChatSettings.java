package org.wenjin.chat.application;

import java.util.List;
import org.wenjin.chat.domain.AnswerLanguage;
import org.wenjin.inference.application.RegisteredModel;

/**
 * A tenant's effective chat settings: the models it may use (default first), the history, and how
 * its assistant speaks ({@code systemPrompt} null: the built-in one).
 */
public record ChatSettings(
    List<RegisteredModel> models,
    String defaultModel,
    int historyTurns,
    String systemPrompt,
    AnswerLanguage language) {

  public static final int DEFAULT_HISTORY_TURNS = 5;

  public ChatSettings {
    models = List.copyOf(models);
  }

  public boolean allows(String modelId) {
    return models.stream().anyMatch(m -> m.id().equals(modelId));
  }
}
