package org.wenjin.knowledge.interfaces;

import java.time.Instant;
import java.util.List;
import org.wenjin.persistence.knowledge.KnowledgeDocument;

/**
 * A document as its company's admins see it.
 *
 * @param status QUEUED, PROCESSING, INDEXED or FAILED
 * @param error why it failed, or why it waits again (a retry); null otherwise
 * @param visibleTo group names; empty: everyone in the company
 */
public record DocumentDto(
    long id,
    String title,
    String sourceName,
    String mediaType,
    long sizeBytes,
    String collection,
    List<String> labels,
    List<String> visibleTo,
    String status,
    Integer chunksTotal,
    int chunksDone,
    Integer pages,
    String error,
    Instant createdAt,
    Instant indexedAt) {

  static DocumentDto of(KnowledgeDocument d) {
    return new DocumentDto(
        d.getId(),
        d.getTitle(),
        d.getSourceName(),
        d.getMediaType(),
        d.getSizeBytes(),
        d.getCollection(),
        d.getLabels(),
        d.getVisibleTo(),
        d.getStatus().name(),
        d.getChunksTotal(),
        d.getChunksDone(),
        d.getPages(),
        d.getError(),
        d.getCreatedAt(),
        d.getIndexedAt());
  }
}
