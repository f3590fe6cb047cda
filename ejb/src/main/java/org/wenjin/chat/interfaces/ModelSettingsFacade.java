package org.wenjin.chat.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import org.wenjin.chat.application.ChatSettings;
import org.wenjin.chat.application.ChatSettingsService;
import org.wenjin.chat.domain.SystemPrompt;
import org.wenjin.inference.application.ModelCatalog;
import org.wenjin.inference.application.RegisteredModel;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.interfaces.TenantScoped;

/**
 * Which registered models a company offers, its history window and how its assistant speaks: for
 * its tenant admins.
 */
@Stateless
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.TENANT_ADMIN)
@Interceptors(TenantScoped.class)
public class ModelSettingsFacade {

  @Inject private ChatSettingsService settings;

  @Inject private ModelCatalog catalog;

  public ModelSettingsDto modelSettings() {
    return toDto(settings.current());
  }

  /** Changes which models the company offers; see {@link ChatSettingsService#change}. */
  public ModelSettingsDto changeModelSettings(
      List<String> offered, String preselected, int historyTurns) {
    return toDto(settings.change(offered, preselected, historyTurns));
  }

  public VoiceSettingsDto voice() {
    return voice(settings.current());
  }

  /**
   * The company's system prompt (blank: the built-in one) and answer language (auto, zh, en); see
   * {@link ChatSettingsService#changeVoice}.
   */
  public VoiceSettingsDto changeVoice(String systemPrompt, String language) {
    return voice(settings.changeVoice(systemPrompt, language));
  }

  private static VoiceSettingsDto voice(ChatSettings current) {
    return new VoiceSettingsDto(
        current.systemPrompt() == null ? "" : current.systemPrompt(),
        SystemPrompt.DEFAULT,
        current.language().code());
  }

  private ModelSettingsDto toDto(ChatSettings current) {
    return new ModelSettingsDto(
        catalog.models().stream().map(m -> ModelDto.of(m, current.defaultModel())).toList(),
        current.models().stream().map(RegisteredModel::id).toList(),
        current.defaultModel(),
        current.historyTurns());
  }
}
