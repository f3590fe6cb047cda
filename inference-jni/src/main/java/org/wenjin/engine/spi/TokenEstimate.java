package org.wenjin.engine.spi;

import java.util.List;

/**
 * A model-independent estimate of a prompt's size in tokens, for the audit and quotas: each Han,
 * kana or hangul character as one token (what Chinese-trained tokenizers roughly do) and every four
 * other characters as one (the usual figure for English BPE vocabularies). The backends do not all
 * report prompt tokens; one estimate for all keeps figures comparable between models.
 */
public final class TokenEstimate {

  private TokenEstimate() {}

  public static int of(List<ChatMessage> messages) {
    long tokens = 0;
    for (ChatMessage m : messages) {
      tokens += of(m.content());
    }
    return (int) Math.min(Integer.MAX_VALUE, tokens);
  }

  public static int of(String text) {
    int ideographs = 0;
    int others = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isIdeographic(cp)) {
        ideographs++;
      } else if (!Character.isWhitespace(cp)) {
        others++;
      }
    }
    return ideographs + (others + 3) / 4;
  }

  private static boolean isIdeographic(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }
}
