package org.wenjin.knowledge.infrastructure.elastic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.wenjin.elastic.ChunkIndex;
import org.wenjin.knowledge.domain.Chunk;
import org.wenjin.knowledge.domain.IndexedDocument;

/** A chunk as Elasticsearch stores it (elastic-config's chunks-v3.json mapping). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChunkDocument(
    String tenant,
    @JsonProperty("doc_id") String docId,
    int chunk,
    String title,
    String content,
    String heading,
    String source,
    String collection,
    List<String> labels,
    @JsonProperty("media_type") String mediaType,
    @JsonProperty("visible_to") List<String> visibleTo,
    Integer page,
    int start,
    int end,
    String updated,
    String model,
    float[] embedding,
    @JsonProperty("embedding_en") float[] embeddingEn) {

  /** The visible_to value of documents every member of the tenant may see. */
  static final String EVERYONE = "*";

  /**
   * Chunk {@code c} of {@code document} as written for {@code tenant}, its vector in the field of
   * the model that made it (ChunkIndex.vectorField).
   */
  static ChunkDocument of(
      String tenant, IndexedDocument document, Chunk c, String model, float[] vector) {
    return new ChunkDocument(
        tenant,
        String.valueOf(document.id()),
        c.index(),
        document.title(),
        c.text(),
        c.heading(),
        document.sourceName(),
        document.collection(),
        document.labels(),
        document.mediaType(),
        document.visibleTo().isEmpty() ? List.of(EVERYONE) : document.visibleTo(),
        c.page(),
        c.start(),
        c.end(),
        document.updated().toString(),
        model,
        "embedding".equals(ChunkIndex.vectorField(vector.length)) ? vector : null,
        "embedding_en".equals(ChunkIndex.vectorField(vector.length)) ? vector : null);
  }
}
