package org.wenjin.elastic.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * English word forms folded (installing, installed, installs → instal), Lucene's Porter stemmer:
 * the one Elasticsearch's {@code english} analyzer uses. Expects lower-case input.
 */
@NamedComponent("wenjin_english_stem")
public class EnglishStemFilter implements TokenFilterFactory {

  @Override
  public TokenStream create(TokenStream in) {
    return new PorterStemFilter(in);
  }
}
