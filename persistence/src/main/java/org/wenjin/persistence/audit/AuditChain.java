package org.wenjin.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The head of one company's audit chain: the last sequence number and hash. Appending reads it
 * under a row lock and moves it on, so concurrent appends (on any node) queue up here. Verification
 * compares the chain's end with it, which catches events removed from the end.
 */
@Entity
@Table(name = "audit_chain")
public class AuditChain {

  /** The hash a company's first event chains to. */
  public static final String GENESIS = "0".repeat(64);

  @Id
  @Column(name = "tenant_id")
  private Long tenantId;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  @Column(name = "purged_seq", nullable = false)
  private long purgedSeq;

  @Column(name = "purged_hash", nullable = false, length = 64)
  private String purgedHash;

  protected AuditChain() {}

  public AuditChain(long tenantId) {
    this.tenantId = tenantId;
    this.lastSeq = 0;
    this.lastHash = GENESIS;
    this.purgedSeq = 0;
    this.purgedHash = GENESIS;
  }

  /**
   * The events up to {@code seq} were purged (retention): the chain now starts after it, linked to
   * {@code hash}, the last purged event's hash.
   */
  public void purgedThrough(long seq, String hash) {
    if (seq <= purgedSeq || seq > lastSeq) {
      throw new IllegalArgumentException("cannot purge the audit chain through #" + seq);
    }
    this.purgedSeq = seq;
    this.purgedHash = hash;
  }

  public void advance(long seq, String hash) {
    if (seq != lastSeq + 1) {
      throw new IllegalStateException("audit chain of tenant " + tenantId + " skipped to " + seq);
    }
    this.lastSeq = seq;
    this.lastHash = hash;
  }

  public long getTenantId() {
    return tenantId;
  }

  public long getLastSeq() {
    return lastSeq;
  }

  public String getLastHash() {
    return lastHash;
  }

  public long getPurgedSeq() {
    return purgedSeq;
  }

  public String getPurgedHash() {
    return purgedHash;
  }
}
