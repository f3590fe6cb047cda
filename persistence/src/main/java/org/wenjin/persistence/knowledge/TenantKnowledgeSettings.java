package org.wenjin.persistence.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.wenjin.persistence.tenancy.TenantOwnedEntity;

/** How a company's documents are cut into passages and how many ground an answer. */
@Entity
@Table(name = "tenant_knowledge_settings")
public class TenantKnowledgeSettings extends TenantOwnedEntity {

  @Column(name = "chunk_size", nullable = false)
  private int chunkSize;

  @Column(name = "chunk_overlap", nullable = false)
  private int chunkOverlap;

  @Column(nullable = false)
  private int passages;

  @Column(name = "min_similarity", nullable = false)
  private double minSimilarity;

  @Version private long version;

  protected TenantKnowledgeSettings() {}

  public TenantKnowledgeSettings(
      int chunkSize, int chunkOverlap, int passages, double minSimilarity) {
    change(chunkSize, chunkOverlap, passages, minSimilarity);
  }

  public final void change(int chunkSize, int chunkOverlap, int passages, double minSimilarity) {
    this.chunkSize = chunkSize;
    this.chunkOverlap = chunkOverlap;
    this.passages = passages;
    this.minSimilarity = minSimilarity;
  }

  public int getChunkSize() {
    return chunkSize;
  }

  public int getChunkOverlap() {
    return chunkOverlap;
  }

  public int getPassages() {
    return passages;
  }

  public double getMinSimilarity() {
    return minSimilarity;
  }
}
