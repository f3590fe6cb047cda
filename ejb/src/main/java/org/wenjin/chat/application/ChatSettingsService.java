package org.wenjin.chat.application;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.chat.domain.AnswerLanguage;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.domain.ConversationRepository;
import org.wenjin.chat.domain.SystemPrompt;
import org.wenjin.inference.application.ModelCatalog;
import org.wenjin.inference.application.RegisteredModel;
import org.wenjin.persistence.chat.TenantChatSettings;
import org.wenjin.platform.text.RuleMessage;

/**
 * The current tenant's settings: registered models filtered by what the tenant allows; without a
 * settings row, every registered model and {@value ChatSettings#DEFAULT_HISTORY_TURNS} turns.
 */
@Stateless
public class ChatSettingsService {

  @Inject private ConversationRepository conversations;

  @Inject private ModelCatalog catalog;

  @Inject private AuditLog audit;

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
        stored.map(TenantChatSettings::getHistoryTurns).orElse(ChatSettings.DEFAULT_HISTORY_TURNS),
        stored.map(TenantChatSettings::getSystemPrompt).orElse(null),
        AnswerLanguage.of(stored.map(TenantChatSettings::getAnswerLanguage).orElse("auto")));
  }

  /**
   * How the company's assistant speaks: its system prompt ({@code {{company}}} and {@code
   * {{language}}} filled in; blank: the built-in one) and the language it answers in.
   *
   * @throws ChatRules for a prompt that is too long or reads other names, or an unknown language
   */
  public ChatSettings changeVoice(String systemPrompt, String languageCode) {
    String prompt = SystemPrompt.checked(systemPrompt);
    AnswerLanguage language = AnswerLanguage.of(languageCode);
    ChatSettings before = current();
    conversations
        .settings()
        .ifPresentOrElse(
            s -> s.speak(prompt, language.code()),
            () -> {
              var created = new TenantChatSettings(null, null, ChatSettings.DEFAULT_HISTORY_TURNS);
              created.speak(prompt, language.code());
              conversations.saveSettings(created);
            });
    ChatSettings after = current();
    audit.action(
        "settings.voice-changed",
        JSON.createObjectBuilder().add("before", voice(before)).add("after", voice(after)).build());
    return after;
  }

  /**
   * Which registered models the company offers, which one is preselected and how many earlier turns
   * a model sees.
   *
   * @throws ChatRules for an unknown model, an empty choice, a default outside it, or a history
   *     window outside 0–20
   */
  public ChatSettings change(List<String> allowed, String defaultModel, int historyTurns) {
    if (allowed == null || allowed.isEmpty()) {
      throw new ChatRules(RuleMessage.of("chat.settings.no-model"));
    }
    for (String id : allowed) {
      if (catalog.find(id).isEmpty()) {
        throw new ChatRules(RuleMessage.of("chat.settings.model-unknown", id));
      }
    }
    if (defaultModel == null || !allowed.contains(defaultModel)) {
      throw new ChatRules(RuleMessage.of("chat.settings.default-not-offered"));
    }
    if (historyTurns < 0 || historyTurns > 20) {
      throw new ChatRules(RuleMessage.of("chat.settings.history-window"));
    }
    List<String> offered = List.copyOf(new java.util.LinkedHashSet<>(allowed));
    ChatSettings before = current();
    conversations
        .settings()
        .ifPresentOrElse(
            s -> s.update(offered, defaultModel, historyTurns),
            () ->
                conversations.saveSettings(
                    new TenantChatSettings(offered, defaultModel, historyTurns)));
    ChatSettings after = current();
    audit.action(
        "settings.chat-changed",
        JSON.createObjectBuilder().add("before", json(before)).add("after", json(after)).build());
    return after;
  }

  private static JsonObjectBuilder voice(ChatSettings s) {
    return JSON.createObjectBuilder()
        .add("systemPrompt", s.systemPrompt() == null ? "" : s.systemPrompt())
        .add("language", s.language().code());
  }

  private static JsonObjectBuilder json(ChatSettings s) {
    return JSON.createObjectBuilder()
        .add(
            "models",
            JSON.createArrayBuilder(s.models().stream().map(RegisteredModel::id).toList()))
        .add("defaultModel", s.defaultModel() == null ? "" : s.defaultModel())
        .add("historyTurns", s.historyTurns());
  }
}
