package org.wenjin.persistence.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;
import org.wenjin.persistence.tenancy.TenantOwnedEntity;

/** Which models a tenant may use, which one is preselected, how much history a model sees. */
@Entity
@Table(name = "tenant_chat_settings")
public class TenantChatSettings extends TenantOwnedEntity {

  public static final int MAX_SYSTEM_PROMPT = 4000;

  /** Comma-separated model ids; null = every registered model. */
  @Column(name = "allowed_models", length = 2000)
  private String allowedModels;

  @Column(name = "default_model", length = 64)
  private String defaultModel;

  @Column(name = "history_turns", nullable = false)
  private int historyTurns;

  /** A template over {{company}} and {{language}}; null: the built-in system prompt. */
  @Column(name = "system_prompt", length = MAX_SYSTEM_PROMPT)
  private String systemPrompt;

  /** {@code auto} (the question's language), {@code zh} or {@code en}. */
  @Column(name = "answer_language", nullable = false, length = 8)
  private String answerLanguage = "auto";

  @Version private long version;

  protected TenantChatSettings() {}

  public TenantChatSettings(List<String> allowedModels, String defaultModel, int historyTurns) {
    update(allowedModels, defaultModel, historyTurns);
  }

  public final void update(List<String> allowed, String defaultModelId, int turns) {
    this.allowedModels = allowed == null ? null : String.join(",", allowed);
    this.defaultModel = defaultModelId;
    this.historyTurns = turns;
  }

  /** How the assistant speaks: {@code prompt} null for the built-in one. */
  public void speak(String prompt, String language) {
    this.systemPrompt = prompt;
    this.answerLanguage = language;
  }

  public String getSystemPrompt() {
    return systemPrompt;
  }

  public String getAnswerLanguage() {
    return answerLanguage;
  }

  /** Null when the tenant may use every registered model. */
  public List<String> getAllowedModels() {
    return allowedModels == null
        ? null
        : Arrays.stream(allowedModels.split(",")).filter(s -> !s.isBlank()).toList();
  }

  public String getDefaultModel() {
    return defaultModel;
  }

  public int getHistoryTurns() {
    return historyTurns;
  }
}
