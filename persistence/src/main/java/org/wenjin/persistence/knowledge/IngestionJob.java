package org.wenjin.persistence.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A document with indexing work to do. Platform-owned (no {@code @TenantId}): the worker reads the
 * queue for every tenant, then enters the job's tenant, which the upload request recorded from the
 * verified token.
 */
@Entity
@Table(name = "kb_ingestion_job")
public class IngestionJob {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @Column(name = "document_id", nullable = false, updatable = false)
  private Long documentId;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "run_after", nullable = false)
  private Instant runAfter;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected IngestionJob() {}

  public IngestionJob(Long tenantId, Long documentId, Instant now) {
    this.tenantId = tenantId;
    this.documentId = documentId;
    this.runAfter = now;
    this.createdAt = now;
  }

  /** Run again after {@code later}; the attempt counter keeps growing (backoff). */
  public void retryAt(Instant later) {
    this.runAfter = later;
    this.leaseUntil = null;
  }

  /**
   * Start over (a re-index request): due now, with no failed attempts behind it. A worker that
   * holds the lease keeps it, and releases the job instead of removing it when it is done.
   */
  public void restart(Instant now) {
    this.attempts = 0;
    this.runAfter = now;
  }

  public Long getId() {
    return id;
  }

  public Long getTenantId() {
    return tenantId;
  }

  public Long getDocumentId() {
    return documentId;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getRunAfter() {
    return runAfter;
  }

  public Instant getLeaseUntil() {
    return leaseUntil;
  }
}
