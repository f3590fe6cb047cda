package org.wenjin.chat.domain;

import java.util.Arrays;
import org.wenjin.platform.text.RuleMessage;

/**
 * The language a company's assistant answers in: the question's own (the default, for companies
 * whose people write in Chinese and English alike), or always Chinese or always English. Prompts
 * read it as {@code {{language}}}.
 */
public enum AnswerLanguage {
  AUTO("auto", "the language of the question"),
  ZH("zh", "Simplified Chinese (简体中文)"),
  EN("en", "English");

  private final String code;
  private final String phrase;

  AnswerLanguage(String code, String phrase) {
    this.code = code;
    this.phrase = phrase;
  }

  public String code() {
    return code;
  }

  /** How a prompt names it: "Answer in {{language}}". */
  public String phrase() {
    return phrase;
  }

  /**
   * @throws ChatRules for a code that is none of auto, zh and en
   */
  public static AnswerLanguage of(String code) {
    return Arrays.stream(values())
        .filter(l -> l.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new ChatRules(RuleMessage.of("chat.answer-language.unknown", code)));
  }
}
