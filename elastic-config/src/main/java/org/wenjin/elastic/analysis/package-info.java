/**
 * A small Elasticsearch <em>stable</em> analysis plugin for the bundled node, whose zip
 * distribution lacks analysis-common and the Chinese analyzers: Lucene's own CJK bigram and width
 * filters and SmartCN, under names prefixed {@code wenjin_}. Packaged apart from the application
 * (see the module's pom: it is not in elastic-config's jar) and installed by {@code stack.sh}. On a
 * full Elasticsearch distribution, install analysis-smartcn or analysis-icu instead
 * (docs/knowledge.md).
 */
package org.wenjin.elastic.analysis;
