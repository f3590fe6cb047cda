package org.wenjin.ui.i18n;

import com.vaadin.flow.component.UI;
import java.util.Locale;

/**
 * Texts in the language of the UI being drawn, for code outside a component (a component calls its
 * own {@code getTranslation}). Keys are always literals, so the bundle test can find each one.
 */
public final class Tr {

  private Tr() {}

  /** The text of a key in the current UI's language, with its arguments put in. */
  public static String t(String key, Object... params) {
    return Messages.format(key, locale(), params);
  }

  /** The locale of the UI being drawn; English where there is none (a background thread). */
  public static Locale locale() {
    UI ui = UI.getCurrent();
    return ui == null ? Locale.ENGLISH : ui.getLocale();
  }
}
