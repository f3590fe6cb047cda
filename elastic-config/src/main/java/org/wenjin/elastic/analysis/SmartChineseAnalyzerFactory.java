package org.wenjin.elastic.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Simplified Chinese word segmentation (HMM) with English stemming: Lucene's SmartCN. */
@NamedComponent("wenjin_smartcn")
public class SmartChineseAnalyzerFactory implements AnalyzerFactory {

  @Override
  public Analyzer create() {
    return new SmartChineseAnalyzer();
  }
}
