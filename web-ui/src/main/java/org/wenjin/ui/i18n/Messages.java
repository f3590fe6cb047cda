package org.wenjin.ui.i18n;

import com.vaadin.cdi.annotation.VaadinServiceEnabled;
import com.vaadin.cdi.annotation.VaadinServiceScoped;
import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.wenjin.platform.text.Bundles;

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
    Locale target = Bundles.readerLocale(locale);
    return Bundles.pattern(BUNDLE, Messages.class.getClassLoader(), key, target)
        .map(pattern -> new MessageFormat(pattern, target).format(params))
        .orElse("!" + key + "!");
  }
}
