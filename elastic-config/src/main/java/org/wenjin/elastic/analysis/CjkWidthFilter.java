package org.wenjin.elastic.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Full-width Latin to half-width, half-width katakana to full-width (Lucene's CJKWidthFilter). */
@NamedComponent("wenjin_cjk_width")
public class CjkWidthFilter implements TokenFilterFactory {

  @Override
  public TokenStream create(TokenStream in) {
    return new org.apache.lucene.analysis.cjk.CJKWidthFilter(in);
  }
}
