package org.wenjin.knowledge.interfaces;

import java.util.List;
import java.util.Map;
import org.wenjin.knowledge.application.SearchResults;
import org.wenjin.knowledge.domain.Facet;

/**
 * @param wordsOnly true when the semantic half was unavailable and only words were matched
 * @param goodMatch false when no hit is near in meaning or holds most of the words: the hits are
 *     the closest there are, and chat would not ground an answer on them
 * @param facets by field (labels, media_type, collection): values of the ranked hits with counts
 */
public record SearchResultsDto(
    String query,
    int total,
    int page,
    boolean wordsOnly,
    boolean goodMatch,
    List<SearchHitDto> hits,
    Map<String, List<Facet>> facets) {

  static SearchResultsDto of(SearchResults r) {
    return new SearchResultsDto(
        r.query(),
        r.total(),
        r.page(),
        r.wordsOnly(),
        r.goodMatch(),
        r.hits().stream().map(SearchHitDto::of).toList(),
        r.facets());
  }
}
