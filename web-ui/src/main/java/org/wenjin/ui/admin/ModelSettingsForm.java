package org.wenjin.ui.admin;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.wenjin.chat.interfaces.ModelDto;
import org.wenjin.chat.interfaces.ModelSettingsDto;

/**
 * Which of the installation's models the company offers, which is preselected, how much history.
 * "Save models" fires {@link SaveEvent} with the chosen values; the view saves them and shows what
 * was saved (events up, data down).
 */
class ModelSettingsForm extends VerticalLayout {

  private final CheckboxGroup<String> offered =
      new CheckboxGroup<>(getTranslation("admin.models.offered"));
  private final Select<String> preselected = new Select<>();
  private final IntegerField historyTurns =
      new IntegerField(getTranslation("admin.models.history-turns"));

  ModelSettingsForm() {
    setId("model-settings");
    setPadding(false);
    offered.setId("offered-models");
    preselected.setId("preselected-model");
    preselected.setLabel(getTranslation("admin.models.preselected"));
    historyTurns.setId("history-turns");
    historyTurns.setMin(0);
    historyTurns.setMax(20);
    historyTurns.setStepButtonsVisible(true);
    Button save = new Button(getTranslation("admin.models.save"), e -> save());
    save.setId("save-model-settings");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout fields = new HorizontalLayout(preselected, historyTurns, save);
    fields.setAlignItems(FlexComponent.Alignment.BASELINE);
    add(
        new H2(getTranslation("admin.models.heading")),
        new Paragraph(getTranslation("admin.models.intro")),
        offered,
        fields);
  }

  void show(ModelSettingsDto settings) {
    Map<String, String> labels =
        settings.registered().stream().collect(Collectors.toMap(ModelDto::id, ModelDto::label));
    List<String> ids = settings.registered().stream().map(ModelDto::id).toList();
    offered.setItems(ids);
    offered.setItemLabelGenerator(id -> labels.getOrDefault(id, id));
    offered.setValue(new LinkedHashSet<>(settings.offered()));
    preselected.setItems(ids);
    preselected.setItemLabelGenerator(id -> labels.getOrDefault(id, id));
    preselected.setValue(settings.preselected());
    historyTurns.setValue(settings.historyTurns());
  }

  private void save() {
    fireEvent(
        new SaveEvent(
            this,
            new ArrayList<>(offered.getValue()),
            preselected.getValue(),
            historyTurns.getValue() == null ? -1 : historyTurns.getValue()));
  }

  Registration onSave(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  /** The admin asked to save these choices; an empty history field is sent as -1 (refused). */
  static final class SaveEvent extends ComponentEvent<ModelSettingsForm> {
    final List<String> offered;
    final String preselected;
    final int historyTurns;

    SaveEvent(ModelSettingsForm source, List<String> offered, String preselected, int turns) {
      super(source, false);
      this.offered = offered;
      this.preselected = preselected;
      this.historyTurns = turns;
    }
  }
}
