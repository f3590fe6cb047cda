package org.wenjin.knowledge.application;

import java.util.List;
import java.util.Map;
import org.wenjin.knowledge.domain.Facet;
import org.wenjin.knowledge.domain.SearchHit;

/**
 * One page of a search.
 *
 * @param total hits found in the fused window (not the whole index: ranks beyond are not fetched)
 * @param wordsOnly the vector search was skipped (embedding model unavailable)
 * @param facets labels, file types and collections of the word matches, with counts
 */
public record SearchResults(
    String query,
    List<SearchHit> hits,
    int total,
    int page,
    boolean wordsOnly,
    Map<String, List<Facet>> facets) {}
