package org.wenjin.chat.domain;

/** A conversation's first title: the first line of its first question, shortened. */
public final class ConversationTitles {

  static final int LENGTH = 60;

  private ConversationTitles() {}

  public static String fromQuestion(String question) {
    String line = question.strip().lines().findFirst().orElse("").strip();
    if (line.isEmpty()) {
      return "New conversation";
    }
    return line.codePointCount(0, line.length()) <= LENGTH
        ? line
        : line.substring(0, line.offsetByCodePoints(0, LENGTH - 1)) + "…";
  }
}
