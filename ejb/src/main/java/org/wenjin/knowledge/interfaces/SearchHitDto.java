package org.wenjin.knowledge.interfaces;

import java.util.List;
import org.wenjin.knowledge.domain.SearchHit;

/**
 * A passage found by a search.
 *
 * @param fragments highlighted excerpts, safe HTML: text escaped, matches in {@code <em>}
 * @param page page in a PDF, else null
 * @param heading the heading path of the passage ("Setup › Network"), "" before any heading
 */
public record SearchHitDto(
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
    double score) {

  static SearchHitDto of(SearchHit h) {
    return new SearchHitDto(
        h.documentId(),
        h.chunk(),
        h.title(),
        h.sourceName(),
        h.mediaType(),
        h.collection(),
        h.labels(),
        h.page(),
        h.heading(),
        h.text(),
        h.fragments(),
        h.score());
  }
}
