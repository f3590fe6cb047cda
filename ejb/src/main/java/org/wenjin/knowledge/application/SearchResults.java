package org.wenjin.knowledge.application;

import java.util.List;
import org.wenjin.knowledge.domain.SearchHit;

/**
 * One page of a search.
 *
 * @param total hits found in the fused window (not the whole index: ranks beyond are not fetched)
 * @param wordsOnly the vector search was skipped (embedding model unavailable)
 */
public record SearchResults(
    String query, List<SearchHit> hits, int total, int page, boolean wordsOnly) {}
