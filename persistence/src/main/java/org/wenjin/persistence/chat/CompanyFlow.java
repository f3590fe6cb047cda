package org.wenjin.persistence.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.wenjin.persistence.tenancy.TenantOwnedEntity;

/**
 * A company's own version of a flow (see V14__company_flows.sql): an edited copy of a built-in one
 * under the built-in's id, or a flow of its own. Its {@code definition} is JSON that was checked
 * before it was saved; null for a built-in kept as shipped whose only change is not being offered.
 */
@Entity
@Table(name = "company_flow")
public class CompanyFlow extends TenantOwnedEntity {

  public static final int MAX_DEFINITION = 200_000;

  @Column(name = "flow_id", nullable = false, length = 32, updatable = false)
  private String flowId;

  @Column(length = MAX_DEFINITION)
  private String definition;

  @Column(nullable = false)
  private boolean offered;

  /** 1 for the first save, one more for each save after it. */
  @Column(nullable = false)
  private int revision;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Version private long version;

  protected CompanyFlow() {}

  public CompanyFlow(String flowId) {
    this.flowId = Objects.requireNonNull(flowId, "flowId");
  }

  /** A new revision: {@code definition} null keeps the built-in's steps. */
  public void save(String definition, boolean offered, String by, Instant at) {
    this.definition = definition;
    this.offered = offered;
    this.revision++;
    this.updatedBy = Objects.requireNonNull(by, "by");
    this.updatedAt = Objects.requireNonNull(at, "at");
  }

  /** Offering or withdrawing the flow; the steps and the revision stay. */
  public void offer(boolean offered, String by, Instant at) {
    this.offered = offered;
    this.updatedBy = Objects.requireNonNull(by, "by");
    this.updatedAt = Objects.requireNonNull(at, "at");
  }

  public String getFlowId() {
    return flowId;
  }

  public String getDefinition() {
    return definition;
  }

  public boolean isOffered() {
    return offered;
  }

  public int getRevision() {
    return revision;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
