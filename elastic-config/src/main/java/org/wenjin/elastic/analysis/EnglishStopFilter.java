package org.wenjin.elastic.analysis;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * English words that carry no topic removed: Lucene's English stop words plus the words people wrap
 * a question in ("how do I", "what is my", "can you"). Removed at index and at query time, so they
 * neither score nor count toward a query's minimum-should-match. Expects lower-case input.
 */
@NamedComponent("wenjin_english_stop")
public class EnglishStopFilter implements TokenFilterFactory {

  /** Question words, pronouns and auxiliaries; not topic words a question may hinge on. */
  static final List<String> QUESTION_WORDS =
      List.of(
          "how", "what", "which", "why", "where", "when", "who", "whom", "whose", "do", "does",
          "did", "doing", "done", "can", "could", "should", "would", "may", "might", "must",
          "shall", "i", "me", "my", "mine", "myself", "you", "your", "yours", "we", "us", "our",
          "he", "him", "his", "she", "her", "its", "am", "been", "being", "were", "has", "have",
          "had", "having", "so", "than", "too", "very", "just", "about", "any", "some", "from",
          "here", "also", "don't", "doesn't", "isn't", "aren't", "can't", "cannot", "please");

  static final CharArraySet WORDS = words();

  private static CharArraySet words() {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
    set.addAll(QUESTION_WORDS);
    return CharArraySet.unmodifiableSet(set);
  }

  @Override
  public TokenStream create(TokenStream in) {
    return new StopFilter(in, WORDS);
  }
}
