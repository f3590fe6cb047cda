package org.wenjin.knowledge.interfaces;

import java.time.Instant;
import java.util.List;
import org.wenjin.persistence.knowledge.KnowledgeDocument;
import org.wenjin.platform.text.RuleMessage;

/**
 * A document as its company's admins see it.
 *
 * @param status QUEUED, PROCESSING, INDEXED or FAILED
 * @param error why it failed, or why it waits again (a retry), in English (the API's and the
 *     audit's words); null otherwise
 * @param visibleTo group names; empty: everyone in the company
 * @param errorMessage the same reason, to be said in the reader's language ({@code
 *     errorMessage.in(locale)}); null when {@code error} is
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
    Instant indexedAt,
    RuleMessage errorMessage) {

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
        d.getIndexedAt(),
        errorMessage(d));
  }

  /** Reasons stored before they had keys, or too long for theirs, are shown as their English. */
  private static RuleMessage errorMessage(KnowledgeDocument d) {
    RuleMessage stored = RuleMessage.stored(d.getErrorKey(), d.getErrorArgs());
    if (stored != null) {
      return stored;
    }
    return d.getError() == null ? null : RuleMessage.verbatim(d.getError());
  }
}
