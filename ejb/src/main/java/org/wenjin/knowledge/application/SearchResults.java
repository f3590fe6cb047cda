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
 * @param goodMatch some hit is near in meaning or holds most of the query's words (false: show the
 *     hits with a "no good match" notice; an answer would not be grounded on them)
 * @param facets labels, file types and collections of the ranked hits, with counts
 */
public record SearchResults(
    String query,
    List<SearchHit> hits,
    int total,
    int page,
    boolean wordsOnly,
    boolean goodMatch,
    Map<String, List<Facet>> facets) {}
