package org.wenjin.chat.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.wenjin.chat.domain.ConversationRepository;
import org.wenjin.inference.application.ModelCatalog;
import org.wenjin.inference.application.RegisteredModel;
import org.wenjin.persistence.chat.TenantChatSettings;

/**
 * The current tenant's settings: registered models filtered by what the tenant allows; without a
 * settings row, every registered model and {@value ChatSettings#DEFAULT_HISTORY_TURNS} turns.
 */
@Stateless
public class ChatSettingsService {

  @Inject private ConversationRepository conversations;

  @Inject private ModelCatalog catalog;

  public ChatSettings current() {
    var stored = conversations.settings();
    List<String> allowed = stored.map(TenantChatSettings::getAllowedModels).orElse(null);
    List<RegisteredModel> models =
        catalog.models().stream().filter(m -> allowed == null || allowed.contains(m.id())).toList();
    String preferred =
        stored.map(TenantChatSettings::getDefaultModel).orElse(catalog.defaultModel());
    String defaultModel =
        models.stream()
            .map(RegisteredModel::id)
            .filter(id -> id.equals(preferred))
            .findFirst()
            .orElse(models.isEmpty() ? null : models.get(0).id());
    return new ChatSettings(
        models,
        defaultModel,
        stored.map(TenantChatSettings::getHistoryTurns).orElse(ChatSettings.DEFAULT_HISTORY_TURNS));
  }
}
