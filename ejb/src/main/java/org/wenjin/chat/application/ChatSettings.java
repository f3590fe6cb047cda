package org.wenjin.chat.application;

import java.util.List;
import org.wenjin.inference.application.RegisteredModel;

/** A tenant's effective chat settings: the models it may use (default first) and the history. */
public record ChatSettings(List<RegisteredModel> models, String defaultModel, int historyTurns) {

  public static final int DEFAULT_HISTORY_TURNS = 5;

  public ChatSettings {
    models = List.copyOf(models);
  }

  public boolean allows(String modelId) {
    return models.stream().anyMatch(m -> m.id().equals(modelId));
  }
}
