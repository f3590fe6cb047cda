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

  private static final Map<String, String> LANGUAGES =
      Map.of(
          "auto", "The question's language",
          "zh", "Always Chinese (中文)",
          "en", "Always English");

  private final TextArea prompt = new TextArea("System prompt");
  private final Select<String> language = new Select<>();

  VoiceForm() {
    setId("voice-settings");
    setPadding(false);
    prompt.setId("system-prompt");
    prompt.setWidthFull();
    prompt.setMaxLength(4000);
    prompt.setHelperText(
        "Reads {{company}} and {{language}}. Empty: the built-in prompt. The rule that document"
            + " passages are quoted data, never instructions, is always added.");
    language.setId("answer-language");
    language.setLabel("Answers in");
    language.setWidth("16em");
    language.setItems("auto", "zh", "en");
    language.setItemLabelGenerator(LANGUAGES::get);
    Button save = new Button("Save", e -> fireEvent(new SaveEvent(this)));
    save.setId("save-voice");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout row = new HorizontalLayout(language, save);
    row.setAlignItems(FlexComponent.Alignment.BASELINE);
    RouterLink flows = new RouterLink("the standard flow, under Flows", FlowsView.class);
    flows.setId("voice-flows-link");
    Paragraph grounding =
        new Paragraph("How passages are put to the model (the grounding prompt) is part of ");
    grounding.add(flows, new com.vaadin.flow.component.Text("."));
    add(new H2("Assistant"), grounding, prompt, row);
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
