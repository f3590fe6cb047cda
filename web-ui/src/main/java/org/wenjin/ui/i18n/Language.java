package org.wenjin.ui.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.wenjin.platform.text.Bundles;
import org.wenjin.tenancy.domain.UserLanguage;

/** A language the app speaks, named as its speakers name it (the switch shows it so). */
public enum Language {
  // English first: the fallback for a browser that asks for neither
  ENGLISH(UserLanguage.ENGLISH, Locale.ENGLISH, "English"),
  CHINESE(UserLanguage.CHINESE, Locale.SIMPLIFIED_CHINESE, "中文");

  private final String tag;
  private final Locale locale;
  private final String ownName;

  Language(String tag, Locale locale, String ownName) {
    this.tag = tag;
    this.locale = locale;
    this.ownName = ownName;
  }

  /** The BCP 47 tag stored for the user and sent to Keycloak ({@code ui_locales}). */
  public String tag() {
    return tag;
  }

  public Locale locale() {
    return locale;
  }

  public String ownName() {
    return ownName;
  }

  /** Any Chinese locale reads the Chinese texts; everything else the English ones. */
  public static Language of(Locale locale) {
    return Bundles.readerLocale(locale).equals(Locale.SIMPLIFIED_CHINESE) ? CHINESE : ENGLISH;
  }

  public static Optional<Language> ofTag(String tag) {
    return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag)).findFirst();
  }
}
