package org.wenjin.knowledge.domain;

/**
 * A validated search.
 *
 * @param vector the query's embedding, or null to search by words only
 * @param window how many hits each ranking (words, vector) contributes before fusion
 */
public record SearchRequest(String text, float[] vector, SearchFilters filters, int window) {}
