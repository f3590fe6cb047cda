package org.wenjin.knowledge.domain;

/**
 * A validated search.
 *
 * @param vector the query's embedding, or null to search by words only
 * @param window how many hits each ranking (words, vector) contributes before fusion
 * @param facets count labels, types and collections too (the search page does; grounding does not)
 */
public record SearchRequest(
    String text, float[] vector, SearchFilters filters, int window, boolean facets) {}
