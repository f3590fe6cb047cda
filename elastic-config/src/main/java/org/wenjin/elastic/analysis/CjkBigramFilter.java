package org.wenjin.elastic.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Han characters as overlapping pairs (年假 申请 → 年假, 申请), Lucene's CJKBigramFilter. */
@NamedComponent("wenjin_cjk_bigram")
public class CjkBigramFilter implements TokenFilterFactory {

  @Override
  public TokenStream create(TokenStream in) {
    return new org.apache.lucene.analysis.cjk.CJKBigramFilter(in);
  }
}
