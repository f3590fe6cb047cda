package org.wenjin.ui.chat;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBoxI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.wenjin.chat.domain.DocumentSources;

/**
 * Which documents ground the conversation: a switch (documents or none) and the collections to
 * search (none chosen: all of them).
 */
class DocumentSourcesField extends HorizontalLayout {

  private final Checkbox enabled = new Checkbox(getTranslation("chat.sources.documents"), true);
  private final MultiSelectComboBox<String> collections =
      new MultiSelectComboBox<>(getTranslation("chat.sources.collections"));
  private Consumer<DocumentSources> onChange = s -> {};
  private boolean updating;

  DocumentSourcesField() {
    setId("document-sources");
    setAlignItems(FlexComponent.Alignment.BASELINE);
    setSpacing(true);
    enabled.setId("sources-enabled");
    enabled.setTooltipText(getTranslation("chat.sources.tooltip"));
    collections.setId("sources-collections");
    collections.setPlaceholder(getTranslation("chat.sources.all"));
    collections.setI18n(announcements());
    collections.setWidth("12em");
    enabled.addValueChangeListener(e -> changed());
    collections.addValueChangeListener(e -> changed());
    add(enabled, collections);
  }

  /** What a screen reader hears as collections are picked. */
  private MultiSelectComboBoxI18n announcements() {
    MultiSelectComboBoxI18n i18n =
        new MultiSelectComboBoxI18n()
            .setCleared(getTranslation("chat.sources.announce.cleared"))
            .setFocused(getTranslation("chat.sources.announce.focused"))
            .setSelected(getTranslation("chat.sources.announce.selected"))
            .setDeselected(getTranslation("chat.sources.announce.deselected"));
    // the component fills in the count; it refuses a text without its placeholder
    String total = getTranslation("chat.sources.announce.total", "{count}");
    return total.contains("{count}") ? i18n.setTotal(total) : i18n;
  }

  void setCollections(List<String> names) {
    collections.setItems(names);
  }

  void onChange(Consumer<DocumentSources> listener) {
    this.onChange = listener;
  }

  DocumentSources getValue() {
    return new DocumentSources(
        enabled.getValue(),
        enabled.getValue() ? new ArrayList<>(collections.getValue()) : List.of());
  }

  /** Shows a conversation's choice without reporting it as a change. */
  void setValue(DocumentSources sources) {
    updating = true;
    try {
      enabled.setValue(sources.enabled());
      collections.setValue(sources.collections());
      collections.setEnabled(sources.enabled());
    } finally {
      updating = false;
    }
  }

  private void changed() {
    collections.setEnabled(enabled.getValue());
    if (!updating) {
      onChange.accept(getValue());
    }
  }
}
