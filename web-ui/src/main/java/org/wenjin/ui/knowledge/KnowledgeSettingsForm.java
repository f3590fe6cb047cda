package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;
import org.wenjin.knowledge.interfaces.KnowledgeSettingsDto;

/**
 * The company's chunking and grounding settings, folded away until needed. Bound to the settings
 * record; "Save settings" fires a {@link SaveEvent} with the values, and the view saves them.
 */
class KnowledgeSettingsForm extends Details {

  private final IntegerField chunkSize =
      integer("settings-chunk-size", getTranslation("knowledge.settings.chunk-size"));
  private final IntegerField chunkOverlap =
      integer("settings-chunk-overlap", getTranslation("knowledge.settings.chunk-overlap"));
  private final IntegerField passages =
      integer("settings-passages", getTranslation("knowledge.settings.passages"));
  private final NumberField minSimilarity =
      new NumberField(getTranslation("knowledge.settings.min-similarity"));
  private final Binder<KnowledgeSettingsDto> binder = new Binder<>(KnowledgeSettingsDto.class);

  KnowledgeSettingsForm() {
    setSummaryText(getTranslation("knowledge.settings.summary"));
    setId("knowledge-settings");
    minSimilarity.setId("settings-min-similarity");
    minSimilarity.setStep(0.05);
    // the server checks the ranges and says what is wrong; an empty field is sent as -1 (refused)
    binder.setDefaultValidatorsEnabled(false);
    binder.forField(chunkSize).withConverter(emptyAs(-1)).bind("chunkSize");
    binder.forField(chunkOverlap).withConverter(emptyAs(-1)).bind("chunkOverlap");
    binder.forField(passages).withConverter(emptyAs(-1)).bind("passages");
    binder.forField(minSimilarity).withConverter(emptyAs(-1.0)).bind("minSimilarity");
    Button save = new Button(getTranslation("knowledge.settings.save"), e -> save());
    save.setId("settings-save");
    HorizontalLayout fields =
        new HorizontalLayout(chunkSize, chunkOverlap, passages, minSimilarity, save);
    fields.setAlignItems(FlexComponent.Alignment.BASELINE);
    fields.setWrap(true);
    add(fields);
  }

  void show(KnowledgeSettingsDto settings) {
    binder.readRecord(settings);
  }

  private void save() {
    try {
      fireEvent(new SaveEvent(this, binder.writeRecord()));
    } catch (ValidationException e) {
      // no validators, and the converters accept every value: nothing to tell the user
    }
  }

  private static IntegerField integer(String id, String label) {
    IntegerField field = new IntegerField(label);
    field.setId(id);
    return field;
  }

  private static <T> Converter<T, T> emptyAs(T value) {
    return Converter.from(v -> Result.ok(v == null ? value : v), v -> v);
  }

  Registration onSave(Consumer<KnowledgeSettingsDto> listener) {
    return addListener(SaveEvent.class, e -> listener.accept(e.settings));
  }

  /** The admin asked to save these settings. */
  static final class SaveEvent extends ComponentEvent<KnowledgeSettingsForm> {
    final KnowledgeSettingsDto settings;

    SaveEvent(KnowledgeSettingsForm source, KnowledgeSettingsDto settings) {
      super(source, false);
      this.settings = settings;
    }
  }
}
