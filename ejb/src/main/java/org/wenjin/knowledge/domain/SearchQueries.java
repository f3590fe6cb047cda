package org.wenjin.knowledge.domain;

import org.wenjin.platform.text.RuleMessage;

/** What a search box accepts. */
public final class SearchQueries {

  public static final int MAX_LENGTH = 500;

  private SearchQueries() {}

  /** The query to run, or a {@link KnowledgeRules} saying what to type instead. */
  public static String validate(String query) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      throw new KnowledgeRules(RuleMessage.of("knowledge.search.empty"));
    }
    if (q.length() > MAX_LENGTH) {
      throw new KnowledgeRules(RuleMessage.of("knowledge.search.too-long", q.length(), MAX_LENGTH));
    }
    if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw new KnowledgeRules(RuleMessage.of("knowledge.search.no-words"));
    }
    return q;
  }
}
