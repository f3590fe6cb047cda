package org.wenjin.elastic.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Trailing 's removed (Debian's → Debian), Lucene's EnglishPossessiveFilter. */
@NamedComponent("wenjin_english_possessive")
public class EnglishPossessiveFilter implements TokenFilterFactory {

  @Override
  public TokenStream create(TokenStream in) {
    return new org.apache.lucene.analysis.en.EnglishPossessiveFilter(in);
  }
}
