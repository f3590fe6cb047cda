package org.wenjin.knowledge.domain;

import java.util.List;
import java.util.Map;

/**
 * Fused hits and the facets of the hits ({@link FacetCounts}).
 *
 * @param facets by field ("labels", "media_type", "collection"), most frequent first
 */
public record SearchPage(List<SearchHit> hits, Map<String, List<Facet>> facets) {}
