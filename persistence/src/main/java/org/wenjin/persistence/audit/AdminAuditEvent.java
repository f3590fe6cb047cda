package org.wenjin.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One administrative action. Immutable: no setters, the table is append-only. */
@Entity
@Table(name = "admin_audit_event")
@NamedQuery(
    name = AdminAuditEvent.LATEST,
    query = "select e from AdminAuditEvent e order by e.occurredAt desc, e.id desc")
public class AdminAuditEvent {

  public static final String LATEST = "AdminAuditEvent.latest";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(name = "tenant_id", updatable = false)
  private Long tenantId;

  @Column(nullable = false, updatable = false, length = 64)
  private String action;

  @Column(updatable = false, length = 2000)
  private String detail;

  protected AdminAuditEvent() {}

  public AdminAuditEvent(
      Instant occurredAt, String actor, Long tenantId, String action, String detail) {
    this.occurredAt = Objects.requireNonNull(occurredAt);
    this.actor = Objects.requireNonNull(actor);
    this.tenantId = tenantId;
    this.action = Objects.requireNonNull(action);
    this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public Long getTenantId() {
    return tenantId;
  }

  public String getAction() {
    return action;
  }

  public String getDetail() {
    return detail;
  }
}
