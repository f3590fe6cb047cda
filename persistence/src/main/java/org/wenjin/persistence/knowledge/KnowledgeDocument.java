package org.wenjin.persistence.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.wenjin.persistence.tenancy.TenantOwnedEntity;

/** A file a tenant admin uploaded into the knowledge base, and how far its indexing got. */
@Entity
@Table(name = "kb_document")
public class KnowledgeDocument extends TenantOwnedEntity {

  public static final int MAX_TITLE = 300;
  public static final int MAX_ERROR = 1000;

  public static final int MAX_ERROR_KEY = 120;

  public static final int MAX_ERROR_ARGS = 4000;

  @Column(nullable = false, length = MAX_TITLE)
  private String title;

  @Column(name = "source_name", nullable = false, length = 255, updatable = false)
  private String sourceName;

  @Column(name = "media_type", nullable = false, length = 120, updatable = false)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64, updatable = false)
  private String sha256;

  @Column(nullable = false, length = 64)
  private String collection;

  /** Comma-separated; null = none. */
  @Column(length = 1000)
  private String labels;

  /** Comma-separated Keycloak group names; null = everyone in the tenant. */
  @Column(name = "visible_to", length = 1000)
  private String visibleTo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DocumentStatus status;

  @Column(name = "chunks_total")
  private Integer chunksTotal;

  @Column(name = "chunks_done", nullable = false)
  private int chunksDone;

  /** The most chunks any indexing of this document wrote: ids below it may exist in the index. */
  @Column(name = "chunk_high_water", nullable = false)
  private int chunkHighWater;

  @Column private Integer pages;

  /** In English, for the API and the audit; the key and its arguments say it in any language. */
  @Column(length = MAX_ERROR)
  private String error;

  /** The reason's message key; null for none, or for a reason known only in English. */
  @Column(name = "error_key", length = MAX_ERROR_KEY)
  private String errorKey;

  /** The arguments of {@link #errorKey} as a JSON array. */
  @Column(name = "error_args", length = MAX_ERROR_ARGS)
  private String errorArgs;

  @Column(name = "uploaded_by", nullable = false, updatable = false)
  private Long uploadedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "indexed_at")
  private Instant indexedAt;

  @Version private long version;

  protected KnowledgeDocument() {}

  public KnowledgeDocument(
      String title,
      String sourceName,
      String mediaType,
      long sizeBytes,
      String sha256,
      String collection,
      List<String> labels,
      List<String> visibleTo,
      Long uploadedBy,
      Instant now) {
    this.title = title;
    this.sourceName = sourceName;
    this.mediaType = mediaType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.collection = collection;
    this.labels = joined(labels);
    this.visibleTo = joined(visibleTo);
    this.uploadedBy = uploadedBy;
    this.createdAt = now;
    queue(null, null, null, now);
  }

  /**
   * Waiting for the worker; {@code reason} says why it waits again (a retry), or null.
   *
   * @param reasonKey the reason's message key, or null
   * @param reasonArgs its arguments as a JSON array
   */
  public void queue(String reason, String reasonKey, String reasonArgs, Instant now) {
    this.status = DocumentStatus.QUEUED;
    because(reason, reasonKey, reasonArgs);
    this.updatedAt = now;
  }

  public void startProcessing(int chunks, Integer pages, Instant now) {
    this.status = DocumentStatus.PROCESSING;
    this.chunksTotal = chunks;
    this.chunksDone = 0;
    this.pages = pages;
    because(null, null, null);
    this.chunkHighWater = Math.max(chunkHighWater, chunks);
    this.updatedAt = now;
  }

  public void progress(int done, Instant now) {
    this.chunksDone = done;
    this.updatedAt = now;
  }

  public void indexed(Instant now) {
    this.status = DocumentStatus.INDEXED;
    this.chunksDone = chunksTotal == null ? 0 : chunksTotal;
    this.chunkHighWater = chunksDone;
    this.indexedAt = now;
    this.updatedAt = now;
  }

  /**
   * @param reason in English
   * @param reasonKey the reason's message key, or null
   * @param reasonArgs its arguments as a JSON array
   */
  public void fail(String reason, String reasonKey, String reasonArgs, Instant now) {
    this.status = DocumentStatus.FAILED;
    because(reason, reasonKey, reasonArgs);
    this.updatedAt = now;
  }

  /** A key or arguments too long to store leave the reason in English only. */
  private void because(String reason, String reasonKey, String reasonArgs) {
    this.error = clip(reason);
    boolean fits =
        reason != null
            && reasonKey != null
            && reasonKey.length() <= MAX_ERROR_KEY
            && (reasonArgs == null || reasonArgs.length() <= MAX_ERROR_ARGS);
    this.errorKey = fits ? reasonKey : null;
    this.errorArgs = fits ? reasonArgs : null;
  }

  public void describe(
      String title, String collection, List<String> labels, List<String> visibleTo, Instant now) {
    this.title = title;
    this.collection = collection;
    this.labels = joined(labels);
    this.visibleTo = joined(visibleTo);
    this.updatedAt = now;
  }

  private static String joined(List<String> values) {
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }

  private static List<String> split(String joined) {
    return joined == null ? List.of() : Arrays.asList(joined.split(","));
  }

  private static String clip(String reason) {
    if (reason == null || reason.length() <= MAX_ERROR) {
      return reason;
    }
    return reason.substring(0, MAX_ERROR - 1) + "…";
  }

  public String getTitle() {
    return title;
  }

  public String getSourceName() {
    return sourceName;
  }

  public String getMediaType() {
    return mediaType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public String getCollection() {
    return collection;
  }

  public List<String> getLabels() {
    return split(labels);
  }

  /** Empty: everyone in the tenant. */
  public List<String> getVisibleTo() {
    return split(visibleTo);
  }

  public DocumentStatus getStatus() {
    return status;
  }

  public Integer getChunksTotal() {
    return chunksTotal;
  }

  public int getChunksDone() {
    return chunksDone;
  }

  public int getChunkHighWater() {
    return chunkHighWater;
  }

  public Integer getPages() {
    return pages;
  }

  public String getError() {
    return error;
  }

  public String getErrorKey() {
    return errorKey;
  }

  public String getErrorArgs() {
    return errorArgs;
  }

  public Long getUploadedBy() {
    return uploadedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getIndexedAt() {
    return indexedAt;
  }
}
