package org.wenjin.knowledge.domain;

import java.util.List;
import java.util.Optional;
import org.wenjin.persistence.knowledge.KnowledgeDocument;
import org.wenjin.persistence.knowledge.TenantKnowledgeSettings;

/** Documents of the current tenant (Hibernate partitions by tenant; ids from elsewhere miss). */
public interface DocumentRepository {

  /** Stores the document, its original bytes and its ingestion job together. */
  KnowledgeDocument add(KnowledgeDocument document, byte[] content);

  Optional<KnowledgeDocument> find(long id);

  /** A document of the tenant with exactly these bytes, if one exists. */
  Optional<KnowledgeDocument> findBySha256(String sha256);

  /** Newest first. */
  List<KnowledgeDocument> list();

  /** Newest first: {@code limit} at most, after the first {@code offset}. */
  List<KnowledgeDocument> list(int offset, int limit);

  byte[] content(long id);

  /** Queues the document (again) for indexing. */
  void enqueue(KnowledgeDocument document);

  void delete(KnowledgeDocument document);

  /** The tenant's settings row, if an admin saved any. */
  Optional<TenantKnowledgeSettings> settings();

  TenantKnowledgeSettings saveSettings(TenantKnowledgeSettings settings);
}
