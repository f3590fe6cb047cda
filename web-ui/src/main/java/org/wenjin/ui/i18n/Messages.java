package org.wenjin.ui.i18n;

import com.vaadin.cdi.annotation.VaadinServiceEnabled;
import com.vaadin.cdi.annotation.VaadinServiceScoped;
import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * The texts of the app, from {@code messages.properties} (English) and {@code
 * messages_zh_CN.properties} (中文), both UTF-8. Every text goes through {@link MessageFormat}, so
 * arguments ({@code {0}}), plural choices ({@code {0,choice,1#one|1<{0} many}}) and numbers follow
 * the locale, and an apostrophe is written ’ (a plain one would quote).
 *
 * <p>A key missing from the bundles shows as {@code !key!} (and is logged), never as an empty
 * label; {@code MessageBundlesTest} fails the build before that can ship.
 */
@VaadinServiceEnabled
@VaadinServiceScoped
public class Messages implements I18NProvider {

  static final String BUNDLE = "messages";

  private static final Logger LOG = Logger.getLogger(Messages.class.getName());

  // no fallback to the JVM's default locale: a Chinese text missing means the English one
  private static final ResourceBundle.Control CONTROL =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  @Override
  public List<Locale> getProvidedLocales() {
    return Arrays.stream(Language.values()).map(Language::locale).toList();
  }

  @Override
  public String getTranslation(String key, Locale locale, Object... params) {
    return format(key, locale, params);
  }

  /** The text of a key in a language, with its arguments put in. */
  public static String format(String key, Locale locale, Object... params) {
    Locale target = Language.of(locale).locale();
    String pattern;
    try {
      pattern =
          ResourceBundle.getBundle(BUNDLE, target, Messages.class.getClassLoader(), CONTROL)
              .getString(key);
    } catch (MissingResourceException e) {
      LOG.warning("no text for the key " + key);
      return "!" + key + "!";
    }
    return new MessageFormat(pattern, target).format(params);
  }
}
