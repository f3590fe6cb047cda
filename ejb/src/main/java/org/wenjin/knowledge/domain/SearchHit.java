package org.wenjin.knowledge.domain;

import java.util.List;

/**
 * One passage found by a search.
 *
 * @param fragments highlighted excerpts as safe HTML: document text escaped, matches in {@code
 *     <em>}; empty when only the vector search found it
 * @param score the fused rank score (higher is better; comparable within one search only)
 * @param similarity cosine similarity of the passage to the query (0 when the vector search did not
 *     return it); thresholds for grounding answers use this
 */
public record SearchHit(
    long documentId,
    int chunk,
    String title,
    String sourceName,
    String mediaType,
    String collection,
    List<String> labels,
    Integer page,
    String heading,
    String text,
    List<String> fragments,
    double score,
    double similarity) {}
