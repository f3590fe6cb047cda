package org.wenjin.ui.i18n;

import com.vaadin.flow.component.select.Select;
import java.util.function.Consumer;

/**
 * The header's 中文 / English switch. Each language is named in itself, so a reader finds theirs
 * whatever the page speaks now. Says which one was picked; the layout remembers it and reloads.
 */
public class LanguageSwitch extends Select<Language> {

  public LanguageSwitch(Language current, Consumer<Language> onChoose) {
    setId("language-switch");
    setAriaLabel(getTranslation("shell.language"));
    setItems(Language.values());
    setItemLabelGenerator(Language::ownName);
    setValue(current);
    addClassName("wenjin-language");
    addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null && e.getValue() != e.getOldValue()) {
            onChoose.accept(e.getValue());
          }
        });
  }
}
