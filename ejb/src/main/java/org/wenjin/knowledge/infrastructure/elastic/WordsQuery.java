package org.wenjin.knowledge.infrastructure.elastic;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.List;
import org.wenjin.knowledge.domain.QueryLanguage;

/**
 * The words half of a search, in the question's language. Any of the question's words finds a
 * passage (so a question worded unlike the text still gets its best passages); passages with most
 * of its words, and with the words in a row, rank higher. A score-neutral part asks whether the
 * passage's text holds most of the words and is named {@link #MOST_WORDS}, so a hit says whether it
 * matched it: grounding hands such a passage to the model even when the vector search did not find
 * it.
 *
 * <p>Chinese is matched on CJK bigrams and on SmartCN words ({@code content.zh}), English on
 * stemmed words without stop words ({@code .en}), so "how do I" neither scores nor counts.
 */
public final class WordsQuery {

  /** Name of the minimum-should-match part, reported back in a hit's matched queries. */
  public static final String MOST_WORDS = "most_words";

  /** Two words or fewer must all match; of more, seven in ten. */
  static final String MOST = "2<70%";

  private WordsQuery() {}

  public static Query of(String text, QueryLanguage language) {
    List<String> fields = fields(language);
    List<String> mostFields = mostFields(language);
    String phraseField = language == QueryLanguage.CHINESE ? "content" : "content.en";
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.should(
                            s ->
                                s.multiMatch(
                                    m -> m.query(text).fields(fields).operator(Operator.Or)))
                        .should(
                            s ->
                                s.multiMatch(
                                    m ->
                                        m.query(text)
                                            .fields(mostFields)
                                            .type(TextQueryType.BestFields)
                                            .minimumShouldMatch(MOST)))
                        .should(
                            s ->
                                s.match(
                                    m ->
                                        m.field(contentField(language))
                                            .query(text)
                                            .minimumShouldMatch(MOST)
                                            .boost(0f)
                                            .queryName(MOST_WORDS)))
                        .should(s -> s.matchPhrase(p -> p.field(phraseField).query(text).boost(2f)))
                        .minimumShouldMatch("1")));
  }

  /**
   * Where "most of the words" is decided for grounding: the passage's own text (a title holding the
   * words says nothing about this passage). Scores nothing; only names the match.
   */
  private static String contentField(QueryLanguage language) {
    return language == QueryLanguage.CHINESE ? "content.zh" : "content.en";
  }

  private static List<String> fields(QueryLanguage language) {
    return language == QueryLanguage.CHINESE
        ? List.of("title^2", "heading^1.5", "content", "content.zh")
        : List.of("title.en^2", "heading.en^1.5", "content.en");
  }

  /**
   * Where "most of the words" ranks: SmartCN words (not bigrams across word ends) or English stems
   * in the text, and the title and heading.
   */
  private static List<String> mostFields(QueryLanguage language) {
    return language == QueryLanguage.CHINESE
        ? List.of("content.zh", "title", "heading")
        : List.of("content.en", "title.en", "heading.en");
  }
}
