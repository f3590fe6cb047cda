package org.wenjin.knowledge.domain;

/**
 * The language a search is analysed in. A question with any Han character is Chinese (a Chinese
 * question often names commands in Latin letters: "dpkg 怎么用"); everything else is English, the only
 * other language the index analyses.
 */
public enum QueryLanguage {
  CHINESE("zh"),
  ENGLISH("en");

  private final String tag;

  QueryLanguage(String tag) {
    this.tag = tag;
  }

  /** The language tag the embedding models are chosen by. */
  public String tag() {
    return tag;
  }

  public static QueryLanguage of(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      // below U+2E80 nothing is Han: spares Latin text the script table's binary search
      if (c >= 0x2E80 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        return CHINESE;
      }
      i += Character.charCount(c);
    }
    return ENGLISH;
  }
}
