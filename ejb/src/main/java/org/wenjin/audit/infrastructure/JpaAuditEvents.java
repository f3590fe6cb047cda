package org.wenjin.audit.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.wenjin.audit.domain.AuditEvents;
import org.wenjin.audit.domain.AuditQuery;
import org.wenjin.audit.domain.EventDigest;
import org.wenjin.persistence.audit.AuditChain;
import org.wenjin.persistence.audit.AuditContent;
import org.wenjin.persistence.audit.AuditEvent;
import org.wenjin.persistence.audit.AuditEventDocument;

/**
 * JPA. Audit rows are not {@code @TenantId}-filtered (platform actions are written outside a
 * company's scope), so every query here names the company; the application layer passes the one the
 * caller acts for.
 */
@ApplicationScoped
public class JpaAuditEvents implements AuditEvents {

  private static final int BATCH = 500;

  /** As ix_audit_event_newest, so H2 walks the index instead of sorting the company's rows. */
  private static final String NEWEST_FIRST = " order by e.tenantId desc, e.seq desc";

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Inject private ChainHeads heads;

  @Override
  public AuditEvent append(long tenantId, AuditContent content, List<ShownDocument> documents) {
    AuditChain head = lockedHead(tenantId);
    long seq = head.getLastSeq() + 1;
    Instant at = AuditEvent.precise(Instant.now());
    String hash = EventDigest.of(tenantId, seq, at, content, head.getLastHash());
    AuditEvent event = new AuditEvent(tenantId, seq, at, content, head.getLastHash(), hash);
    em.persist(event);
    head.advance(seq, hash);
    for (ShownDocument d : documents) {
      em.persist(new AuditEventDocument(event.getId(), tenantId, d.documentId(), d.cited()));
    }
    return event;
  }

  private AuditChain lockedHead(long tenantId) {
    AuditChain head = em.find(AuditChain.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      heads.create(tenantId); // its own transaction: a concurrent first append may win the insert
      head = em.find(AuditChain.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    }
    return head;
  }

  @Override
  public List<AuditEvent> find(long tenantId, AuditQuery query, int offset, int limit) {
    return filtered("select e", tenantId, query, NEWEST_FIRST)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(long tenantId, AuditQuery query) {
    Filter filter = new Filter(query);
    return filter
        .bind(
            em.createQuery(
                "select count(e) from AuditEvent e where e.tenantId = :tenant" + filter.where(),
                Long.class),
            tenantId)
        .getSingleResult();
  }

  @Override
  public Optional<AuditEvent> find(long tenantId, long eventId) {
    return em.createQuery(
            "select e from AuditEvent e where e.tenantId = :tenant and e.id = :id",
            AuditEvent.class)
        .setParameter("tenant", tenantId)
        .setParameter("id", eventId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void forEach(long tenantId, AuditQuery query, Predicate<AuditEvent> sink) {
    // keyset paging on the sequence number (newest first): each batch is one indexed query, and
    // clearing the persistence context after it keeps memory flat for any number of events
    long before = Long.MAX_VALUE;
    while (true) {
      List<AuditEvent> batch =
          filtered("select e", tenantId, query, " and e.seq < :before" + NEWEST_FIRST)
              .setParameter("before", before)
              .setMaxResults(BATCH)
              .getResultList();
      em.clear();
      for (AuditEvent event : batch) {
        if (!sink.test(event)) {
          return;
        }
      }
      if (batch.size() < BATCH) {
        return;
      }
      before = batch.get(batch.size() - 1).getSeq();
    }
  }

  @Override
  public void forEachInChain(long tenantId, Predicate<AuditEvent> sink) {
    long after = 0;
    while (true) {
      List<AuditEvent> batch =
          em.createQuery(
                  "select e from AuditEvent e where e.tenantId = :tenant and e.seq > :after"
                      + " order by e.tenantId, e.seq", // as the index: walked, not sorted
                  AuditEvent.class)
              .setParameter("tenant", tenantId)
              .setParameter("after", after)
              .setMaxResults(BATCH)
              .getResultList();
      em.clear();
      for (AuditEvent event : batch) {
        if (!sink.test(event)) {
          return;
        }
      }
      if (batch.size() < BATCH) {
        return;
      }
      after = batch.get(batch.size() - 1).getSeq();
    }
  }

  @Override
  public Optional<AuditChain> head(long tenantId) {
    return Optional.ofNullable(em.find(AuditChain.class, tenantId));
  }

  /**
   * Deletes first and takes the chain's lock after, for the short end only: the rows it deletes are
   * old ones no append touches, and a company's answers append under that lock, so a first purge of
   * a long trail does not hold them up for as long as its deletes take. Verification reads either
   * the old start with all rows or, once this commits, the new start without them.
   */
  @Override
  public Optional<Purge> purgeBefore(long tenantId, Instant cutoff) {
    // a scalar read: the head entity must be read under the lock, or this context would keep a
    // copy that another transaction's appends have since moved on
    List<Long> purged =
        em.createQuery(
                "select c.purgedSeq from AuditChain c where c.tenantId = :tenant", Long.class)
            .setParameter("tenant", tenantId)
            .getResultList();
    if (purged.isEmpty()) {
      return Optional.empty(); // no event yet
    }
    Long through =
        em.createQuery(
                "select max(e.seq) from AuditEvent e where e.tenantId = :tenant"
                    + " and e.occurredAt < :cutoff",
                Long.class)
            .setParameter("tenant", tenantId)
            .setParameter("cutoff", cutoff)
            .getSingleResult();
    if (through == null || through <= purged.getFirst()) {
      return Optional.empty();
    }
    String hash =
        em.createQuery(
                "select e.hash from AuditEvent e where e.tenantId = :tenant and e.seq = :seq",
                String.class)
            .setParameter("tenant", tenantId)
            .setParameter("seq", through)
            .getSingleResult();
    em.createQuery(
            "delete from AuditEventDocument d where d.tenantId = :tenant and d.key.eventId in"
                + " (select e.id from AuditEvent e where e.tenantId = :tenant and e.seq <= :seq)")
        .setParameter("tenant", tenantId)
        .setParameter("seq", through)
        .executeUpdate();
    int removed =
        em.createQuery("delete from AuditEvent e where e.tenantId = :tenant and e.seq <= :seq")
            .setParameter("tenant", tenantId)
            .setParameter("seq", through)
            .executeUpdate();
    AuditChain head = lockedHead(tenantId);
    if (through <= head.getPurgedSeq()) {
      return Optional.empty(); // a purge of another node moved the start meanwhile
    }
    head.purgedThrough(through, hash);
    return Optional.of(new Purge(through, removed));
  }

  private TypedQuery<AuditEvent> filtered(
      String select, long tenantId, AuditQuery query, String tail) {
    Filter filter = new Filter(query);
    return filter.bind(
        em.createQuery(
            select + " from AuditEvent e where e.tenantId = :tenant" + filter.where() + tail,
            AuditEvent.class),
        tenantId);
  }
}
