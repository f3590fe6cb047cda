package org.wenjin.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One event of a company's audit trail: an exchange (question, answer, passages, timings) or an
 * administrative action. Immutable and chained: {@code hash} covers the content, the position
 * {@code seq} and the previous event's hash of the same company, so an edited, removed or reordered
 * row breaks the chain at that row. Every column is {@code updatable = false}.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private long tenantId;

  @Column(nullable = false, updatable = false)
  private long seq;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false, length = 64)
  private String type;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(name = "user_id", updatable = false)
  private Long userId;

  @Column(name = "conversation_id", updatable = false)
  private Long conversationId;

  @Column(name = "turn_id", updatable = false)
  private Long turnId;

  @Column(updatable = false, length = 64)
  private String model;

  @Column(updatable = false, length = 16)
  private String status;

  @Column(updatable = false)
  private Integer rating;

  @Column(updatable = false, length = 8000)
  private String question;

  @Column(updatable = false, length = 65535)
  private String answer;

  @Column(updatable = false, length = 65535)
  private String detail;

  @Column(name = "prev_hash", nullable = false, updatable = false, length = 64)
  private String prevHash;

  @Column(nullable = false, updatable = false, length = 64)
  private String hash;

  protected AuditEvent() {}

  public AuditEvent(
      long tenantId,
      long seq,
      Instant occurredAt,
      AuditContent content,
      String prevHash,
      String hash) {
    this.tenantId = tenantId;
    this.seq = seq;
    this.occurredAt = precise(occurredAt);
    this.type = content.type();
    this.actor = content.actor();
    this.userId = content.userId();
    this.conversationId = content.conversationId();
    this.turnId = content.turnId();
    this.model = content.model();
    this.status = content.status();
    this.rating = content.rating();
    this.question = content.question();
    this.answer = content.answer();
    this.detail = content.detail();
    this.prevHash = Objects.requireNonNull(prevHash);
    this.hash = Objects.requireNonNull(hash);
  }

  /**
   * The instant as the database keeps it (microseconds), so the hash computed before the insert is
   * the hash recomputed from the row.
   */
  public static Instant precise(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** What the event says, as recorded: the input of its hash together with its position. */
  public AuditContent content() {
    return new AuditContent(
        type,
        actor,
        userId,
        conversationId,
        turnId,
        model,
        status,
        rating,
        question,
        answer,
        detail);
  }

  public Long getId() {
    return id;
  }

  public long getTenantId() {
    return tenantId;
  }

  public long getSeq() {
    return seq;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getType() {
    return type;
  }

  public String getActor() {
    return actor;
  }

  public Long getConversationId() {
    return conversationId;
  }

  public Long getTurnId() {
    return turnId;
  }

  public String getModel() {
    return model;
  }

  public String getStatus() {
    return status;
  }

  public Integer getRating() {
    return rating;
  }

  public String getQuestion() {
    return question;
  }

  public String getAnswer() {
    return answer;
  }

  public String getDetail() {
    return detail;
  }

  public String getPrevHash() {
    return prevHash;
  }

  public String getHash() {
    return hash;
  }
}
