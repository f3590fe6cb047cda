package org.wenjin.knowledge.interfaces;

import java.util.List;
import org.wenjin.knowledge.application.SearchResults;

/**
 * @param wordsOnly true when the semantic half was unavailable and only words were matched
 */
public record SearchResultsDto(
    String query, int total, int page, boolean wordsOnly, List<SearchHitDto> hits) {

  static SearchResultsDto of(SearchResults r) {
    return new SearchResultsDto(
        r.query(),
        r.total(),
        r.page(),
        r.wordsOnly(),
        r.hits().stream().map(SearchHitDto::of).toList());
  }
}
