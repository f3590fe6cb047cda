package org.wenjin.knowledge.domain;

/** What a search box accepts. */
public final class SearchQueries {

  public static final int MAX_LENGTH = 500;

  private SearchQueries() {}

  /** The query to run, or a {@link KnowledgeRules} saying what to type instead. */
  public static String validate(String query) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      throw new KnowledgeRules("Type a word or a question to search for.");
    }
    if (q.length() > MAX_LENGTH) {
      throw new KnowledgeRules(
          "The search is too long ("
              + q.length()
              + " characters); use at most "
              + MAX_LENGTH
              + ".");
    }
    if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw new KnowledgeRules("The search has no words in it; try a word or a question.");
    }
    return q;
  }
}
