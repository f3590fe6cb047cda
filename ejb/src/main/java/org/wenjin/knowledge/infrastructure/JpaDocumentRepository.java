package org.wenjin.knowledge.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.wenjin.knowledge.domain.DocumentRepository;
import org.wenjin.persistence.knowledge.DocumentContent;
import org.wenjin.persistence.knowledge.IngestionJob;
import org.wenjin.persistence.knowledge.KnowledgeDocument;
import org.wenjin.persistence.knowledge.TenantKnowledgeSettings;

/** JPA; the tenant restriction comes from {@code @TenantId}, so no query here mentions it. */
@ApplicationScoped
public class JpaDocumentRepository implements DocumentRepository {

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Override
  public KnowledgeDocument add(KnowledgeDocument document, byte[] content) {
    em.persist(document);
    em.flush(); // the id, for the content row and the job
    em.persist(new DocumentContent(document.getId(), content));
    em.persist(new IngestionJob(document.getTenantId(), document.getId(), document.getCreatedAt()));
    return document;
  }

  @Override
  public Optional<KnowledgeDocument> find(long id) {
    // a query, not em.find: find() by primary key would bypass the tenant filter
    return em.createQuery(
            "select d from KnowledgeDocument d where d.id = :id", KnowledgeDocument.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<KnowledgeDocument> findBySha256(String sha256) {
    return em.createQuery(
            "select d from KnowledgeDocument d where d.sha256 = :sha", KnowledgeDocument.class)
        .setParameter("sha", sha256)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<KnowledgeDocument> list() {
    return newestFirst().getResultList();
  }

  @Override
  public List<KnowledgeDocument> list(int offset, int limit) {
    return newestFirst().setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  private TypedQuery<KnowledgeDocument> newestFirst() {
    return em.createQuery(
        "select d from KnowledgeDocument d order by d.createdAt desc, d.id desc",
        KnowledgeDocument.class);
  }

  @Override
  public byte[] content(long id) {
    return em.createQuery(
            "select c.bytes from DocumentContent c where c.documentId = :id", byte[].class)
        .setParameter("id", id)
        .getSingleResult();
  }

  @Override
  public void enqueue(KnowledgeDocument document) {
    Instant now = Instant.now();
    document.queue(null, null, null, now);
    Optional<IngestionJob> job =
        em.createQuery("select j from IngestionJob j where j.documentId = :id", IngestionJob.class)
            .setParameter("id", document.getId())
            .getResultStream()
            .findFirst();
    if (job.isPresent()) {
      job.get().restart(now);
    } else {
      em.persist(new IngestionJob(document.getTenantId(), document.getId(), now));
    }
  }

  @Override
  public void delete(KnowledgeDocument document) {
    // by id, without the version check of em.remove: the worker may be updating the progress of
    // this very row, and a delete must win over that (the caller found the document in its tenant)
    for (String entity : new String[] {"IngestionJob", "DocumentContent", "KnowledgeDocument"}) {
      String column = entity.equals("KnowledgeDocument") ? "id" : "documentId";
      em.createQuery("delete from " + entity + " e where e." + column + " = :id")
          .setParameter("id", document.getId())
          .executeUpdate();
    }
  }

  @Override
  public Optional<TenantKnowledgeSettings> settings() {
    return em.createQuery("select s from TenantKnowledgeSettings s", TenantKnowledgeSettings.class)
        .getResultStream()
        .findFirst();
  }

  @Override
  public TenantKnowledgeSettings saveSettings(TenantKnowledgeSettings settings) {
    em.persist(settings);
    return settings;
  }
}
