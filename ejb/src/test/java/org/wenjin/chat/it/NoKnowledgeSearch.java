package org.wenjin.chat.it;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.wenjin.knowledge.application.SearchResults;
import org.wenjin.knowledge.application.SearchService;
import org.wenjin.knowledge.domain.SearchFilters;
import org.wenjin.knowledge.domain.SearchHit;

/**
 * The chat isolation tests run without Elasticsearch: their subject is who may see which
 * conversation, not retrieval (which KnowledgeApiIT and ChatIT test against the real index). A
 * company without documents finds no passages, which is what this answers.
 */
@ApplicationScoped
public class NoKnowledgeSearch implements SearchService {

  @Override
  public SearchResults search(String query, SearchFilters filters, int page, int size) {
    return new SearchResults(query, List.of(), 0, page, false, false, Map.of());
  }

  @Override
  public List<String> suggest(String prefix) {
    return List.of();
  }

  @Override
  public List<org.wenjin.knowledge.domain.Facet> collections() {
    return List.of();
  }

  @Override
  public List<SearchHit> document(long documentId) {
    return List.of();
  }

  @Override
  public List<SearchHit> passages(String question, List<String> collections) {
    return List.of();
  }

  @Override
  public List<SearchHit> passages(String question, List<String> collections, Integer count) {
    return List.of();
  }
}
