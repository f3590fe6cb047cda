package org.wenjin.knowledge.domain;

import java.util.List;

/**
 * One passage found by a search.
 *
 * @param fragments highlighted excerpts as safe HTML: document text escaped, matches in {@code
 *     <em>}; empty when only the vector search found it
 * @param score the fused rank score (higher is better; comparable within one search only)
 * @param similarity cosine similarity of the passage to the query (0 when the vector search did not
 *     return it)
 * @param chunks how many consecutive chunks from {@code chunk} on the passage joins (1 unless
 *     {@link NeighbourMerge} joined neighbours)
 * @param wordMatch the passage has most of the query's words (the words query's
 *     minimum-should-match part matched it)
 */
public record SearchHit(
    long documentId,
    int chunk,
    int chunks,
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
    double similarity,
    boolean wordMatch) {

  /**
   * Whether the passage is close enough to hand to a model: near in meaning, or holding most of the
   * question's words. Search shows every hit; only grounding asks this.
   */
  public boolean isGood(double minSimilarity) {
    return wordMatch || similarity >= minSimilarity;
  }

  /** The same passage with these highlighted excerpts. */
  public SearchHit withFragments(List<String> highlighted) {
    return new SearchHit(
        documentId,
        chunk,
        chunks,
        title,
        sourceName,
        mediaType,
        collection,
        labels,
        page,
        heading,
        text,
        List.copyOf(highlighted),
        score,
        similarity,
        wordMatch);
  }
}
