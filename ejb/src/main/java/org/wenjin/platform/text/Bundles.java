package org.wenjin.platform.text;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * The one rule for which texts a locale reads (Chinese for any {@code zh} locale, English for every
 * other), and the lookup of a pattern in a bundle by it: shared by the server's rule messages and
 * the UI's texts, so both always speak the same language to the same reader.
 */
public final class Bundles {

  private static final Logger LOG = Logger.getLogger(Bundles.class.getName());

  // no fallback to the JVM's default locale: a Chinese text missing means the English one
  private static final ResourceBundle.Control CONTROL =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Bundles() {}

  /** The locale whose texts {@code locale} reads: Simplified Chinese or English. */
  public static Locale readerLocale(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage())
        ? Locale.SIMPLIFIED_CHINESE
        : Locale.ENGLISH;
  }

  /**
   * The pattern of {@code key} in {@code bundle} for a reader locale, or empty (logged) when the
   * bundles lack it.
   */
  public static Optional<String> pattern(
      String bundle, ClassLoader loader, String key, Locale readerLocale) {
    try {
      return Optional.of(
          ResourceBundle.getBundle(bundle, readerLocale, loader, CONTROL).getString(key));
    } catch (MissingResourceException e) {
      LOG.warning("no text for the key " + key + " in " + bundle);
      return Optional.empty();
    }
  }
}
