package org.wenjin.persistence.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.wenjin.persistence.tenancy.TenantOwnedEntity;

/** A user's conversation. Only its owner, in its tenant, ever sees it. */
@Entity
@Table(name = "conversation")
public class Conversation extends TenantOwnedEntity {

  public static final int MAX_TITLE = 200;

  @Column(name = "owner_id", nullable = false, updatable = false)
  private Long ownerId;

  @Column(nullable = false, length = MAX_TITLE)
  private String title;

  @Column(name = "model_id", length = 64)
  private String modelId;

  /** Null: all collections; "-": no documents; else comma-separated collections (V7). */
  @Column(name = "knowledge_scope", length = 500)
  private String knowledgeScope;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Conversation() {}

  public Conversation(Long ownerId, String title, String modelId, Instant now) {
    this.ownerId = ownerId;
    this.modelId = modelId;
    this.createdAt = now;
    this.updatedAt = now;
    rename(title);
  }

  public void rename(String newTitle) {
    String t = newTitle.strip();
    this.title = t.length() <= MAX_TITLE ? t : t.substring(0, MAX_TITLE - 1) + "…";
  }

  public void scopeKnowledge(String scope) {
    this.knowledgeScope = scope;
  }

  public String getKnowledgeScope() {
    return knowledgeScope;
  }

  public void touch(Instant now) {
    this.updatedAt = now;
  }

  public void useModel(String modelId) {
    this.modelId = modelId;
  }

  public Long getOwnerId() {
    return ownerId;
  }

  public String getTitle() {
    return title;
  }

  public String getModelId() {
    return modelId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
