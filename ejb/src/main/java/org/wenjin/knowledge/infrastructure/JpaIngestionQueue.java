package org.wenjin.knowledge.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.wenjin.knowledge.domain.IngestionQueue;
import org.wenjin.persistence.knowledge.IngestionJob;

/**
 * The queue as a table. A claim is a conditional UPDATE of the lease, so of two workers (two nodes)
 * only one gets a row; a worker that dies leaves a lease that runs out.
 */
@ApplicationScoped
public class JpaIngestionQueue implements IngestionQueue {

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Override
  public int requeueOrphans(Instant now) {
    // native SQL on purpose: this spans every tenant, like the queue itself
    return em.createNativeQuery(
            "insert into kb_ingestion_job (tenant_id, document_id, attempts, run_after, created_at)"
                + " select d.tenant_id, d.id, 0, ?1, ?1 from kb_document d"
                + " where d.status in ('QUEUED', 'PROCESSING')"
                + " and not exists (select 1 from kb_ingestion_job j where j.document_id = d.id)")
        .setParameter(1, now)
        .executeUpdate();
  }

  @Override
  public int requeueAll(Instant now) {
    em.createNativeQuery(
            "update kb_document set status = 'QUEUED', error = null, error_key = null,"
                + " error_args = null, chunks_done = 0,"
                + " chunk_high_water = 0, updated_at = ?1 where status <> 'FAILED'")
        .setParameter(1, now)
        .executeUpdate();
    em.createNativeQuery(
            "update kb_ingestion_job set run_after = ?1, attempts = 0, lease_until = null")
        .setParameter(1, now)
        .executeUpdate();
    return requeueOrphans(now);
  }

  @Override
  public Optional<Claim> claimNext(Instant now, Instant leaseUntil) {
    List<IngestionJob> due =
        em.createQuery(
                "select j from IngestionJob j where j.runAfter <= :now"
                    + " and (j.leaseUntil is null or j.leaseUntil < :now)"
                    + " order by j.runAfter, j.id",
                IngestionJob.class)
            .setParameter("now", now)
            .setMaxResults(5)
            .getResultList();
    for (IngestionJob job : due) {
      int taken =
          em.createQuery(
                  "update IngestionJob j set j.leaseUntil = :lease, j.attempts = j.attempts + 1"
                      + " where j.id = :id and (j.leaseUntil is null or j.leaseUntil < :now)")
              .setParameter("lease", leaseUntil)
              .setParameter("id", job.getId())
              .setParameter("now", now)
              .executeUpdate();
      if (taken == 1) {
        return Optional.of(
            new Claim(
                job.getId(),
                job.getTenantId(),
                job.getDocumentId(),
                job.getAttempts() + 1,
                job.getRunAfter()));
      }
    }
    return Optional.empty();
  }

  @Override
  public void extend(long jobId, Instant leaseUntil) {
    em.createQuery("update IngestionJob j set j.leaseUntil = :lease where j.id = :id")
        .setParameter("lease", leaseUntil)
        .setParameter("id", jobId)
        .executeUpdate();
  }

  @Override
  public void retryAt(long jobId, Instant later) {
    em.createQuery(
            "update IngestionJob j set j.runAfter = :later, j.leaseUntil = null where j.id = :id")
        .setParameter("later", later)
        .setParameter("id", jobId)
        .executeUpdate();
  }

  @Override
  public void finish(Claim claim) {
    int removed =
        em.createQuery("delete from IngestionJob j where j.id = :id and j.runAfter = :claimed")
            .setParameter("id", claim.jobId())
            .setParameter("claimed", claim.runAfter())
            .executeUpdate();
    if (removed == 0) {
      // re-queued while this worker ran (a re-index request): free it to run again
      em.createQuery("update IngestionJob j set j.leaseUntil = null where j.id = :id")
          .setParameter("id", claim.jobId())
          .executeUpdate();
    }
  }
}
