package org.wenjin.ui.admin;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import java.util.Map;
import org.wenjin.chat.interfaces.VoiceSettingsDto;
import org.wenjin.ui.flows.FlowsView;

/**
 * How the company's assistant speaks: its system prompt (empty: the built-in one, shown as the
 * placeholder) and the language it answers in. "Save" fires {@link SaveEvent}; the grounding prompt
 * lives in the standard flow, one click away.
 */
class VoiceForm extends VerticalLayout {

  /** Each answer language the server knows, with the key of its label. */
  private static final Map<String, String> LANGUAGES =
      Map.of(
          "auto", "admin.voice.language.auto",
          "zh", "admin.voice.language.zh",
          "en", "admin.voice.language.en");

  private final TextArea prompt = new TextArea(getTranslation("admin.voice.prompt"));
  private final Select<String> language = new Select<>();

  VoiceForm() {
    setId("voice-settings");
    setPadding(false);
    prompt.setId("system-prompt");
    prompt.setWidthFull();
    prompt.setMaxLength(4000);
    prompt.setHelperText(
        getTranslation("admin.voice.prompt.helper", "{{company}}", "{{language}}"));
    language.setId("answer-language");
    language.setLabel(getTranslation("admin.voice.language"));
    language.setWidth("16em");
    language.setItems("auto", "zh", "en");
    language.setItemLabelGenerator(code -> getTranslation(LANGUAGES.get(code)));
    Button save = new Button(getTranslation("common.save"), e -> fireEvent(new SaveEvent(this)));
    save.setId("save-voice");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout row = new HorizontalLayout(language, save);
    row.setAlignItems(FlexComponent.Alignment.BASELINE);
    RouterLink flows =
        new RouterLink(getTranslation("admin.voice.grounding.link"), FlowsView.class);
    flows.setId("voice-flows-link");
    Paragraph grounding = new Paragraph(getTranslation("admin.voice.grounding.before"));
    grounding.add(
        flows, new com.vaadin.flow.component.Text(getTranslation("admin.voice.grounding.after")));
    add(new H2(getTranslation("admin.voice.heading")), grounding, prompt, row);
  }

  void show(VoiceSettingsDto voice) {
    prompt.setPlaceholder(voice.defaultPrompt());
    prompt.setValue(voice.systemPrompt());
    language.setValue(voice.language());
  }

  Registration onSave(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  static class SaveEvent extends ComponentEvent<VoiceForm> {
    final String systemPrompt;
    final String language;

    SaveEvent(VoiceForm source) {
      super(source, false);
      this.systemPrompt = source.prompt.getValue();
      this.language = source.language.getValue();
    }
  }
}
