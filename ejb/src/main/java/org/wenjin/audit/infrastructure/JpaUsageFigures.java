package org.wenjin.audit.infrastructure;

import static org.wenjin.audit.application.DefaultAuditLog.EXCHANGE;
import static org.wenjin.audit.application.DefaultAuditLog.FEEDBACK;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.wenjin.audit.domain.UsageFigures;
import org.wenjin.audit.domain.UsagePeriod;

/**
 * JPQL only, no native SQL: grouping by day would need each database's own date functions (and
 * PostgreSQL's would count days in the session's time zone), so exchanges are handed out as (time,
 * user, model) and counted per day in Java. Everything else is counted by the database.
 */
@ApplicationScoped
public class JpaUsageFigures implements UsageFigures {

  private static final int BATCH = 5000;

  /** The company's events of one type in the period, as {@code e}. */
  private static final String IN_PERIOD =
      " from AuditEvent e where e.tenantId = :tenant and e.type = :type"
          + " and e.occurredAt >= :from and e.occurredAt < :to";

  private static final String NO_PASSAGE =
      " and not exists (select d from AuditEventDocument d where d.key.eventId = e.id)";

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Override
  public void forEachExchange(long tenantId, UsagePeriod period, Consumer<Asked> sink) {
    long after = 0; // keyset paging on the id: each batch one indexed query
    while (true) {
      List<Object[]> batch =
          inPeriod(
                  "select e.id, e.occurredAt, e.actor, e.model",
                  EXCHANGE,
                  " and e.id > :after order by e.id",
                  tenantId,
                  period)
              .setParameter("after", after)
              .setMaxResults(BATCH)
              .getResultList();
      for (Object[] row : batch) {
        sink.accept(new Asked((Instant) row[1], (String) row[2], (String) row[3]));
      }
      if (batch.size() < BATCH) {
        return;
      }
      after = (Long) batch.get(batch.size() - 1)[0];
    }
  }

  @Override
  public List<ModelRatings> ratingsPerModel(long tenantId, UsagePeriod period) {
    String latestOfItsTurn =
        " and (e.turnId is null or e.id = (select max(f.id) from AuditEvent f"
            + " where f.tenantId = :tenant and f.type = :type and f.turnId = e.turnId"
            + " and f.occurredAt >= :from and f.occurredAt < :to))"
            + " group by e.model";
    return inPeriod(
            "select e.model, count(e), sum(e.rating)", FEEDBACK, latestOfItsTurn, tenantId, period)
        .getResultList()
        .stream()
        .map(r -> new ModelRatings((String) r[0], number(r[1]), number(r[2])))
        .toList();
  }

  @Override
  public List<CitedDocument> topCitedDocuments(long tenantId, UsagePeriod period, int limit) {
    List<Object[]> top =
        em.createQuery(
                "select d.key.documentId, count(d) from AuditEventDocument d, AuditEvent e"
                    + " where d.key.eventId = e.id and d.tenantId = :tenant and d.cited = true"
                    + " and e.tenantId = :tenant and e.type = :type"
                    + " and e.occurredAt >= :from and e.occurredAt < :to"
                    + " group by d.key.documentId order by count(d) desc, d.key.documentId",
                Object[].class)
            .setParameter("tenant", tenantId)
            .setParameter("type", EXCHANGE)
            .setParameter("from", period.from())
            .setParameter("to", period.to())
            .setMaxResults(limit)
            .getResultList();
    List<CitedDocument> documents = new ArrayList<>(top.size());
    for (Object[] row : top) {
      long document = (Long) row[0];
      documents.add(new CitedDocument(document, title(tenantId, period, document), number(row[1])));
    }
    return documents;
  }

  /**
   * The title the latest citing exchange showed: the audit keeps titles as they were, and the audit
   * does not ask the knowledge context (which records into the audit: that would be a cycle).
   */
  private String title(long tenantId, UsagePeriod period, long documentId) {
    return inPeriod(
            "select e.detail",
            EXCHANGE,
            " and exists (select d from AuditEventDocument d where d.key.eventId = e.id"
                + " and d.tenantId = :tenant and d.key.documentId = :document and d.cited = true)"
                + " order by e.id desc",
            tenantId,
            period,
            String.class)
        .setParameter("document", documentId)
        .setMaxResults(1)
        .getResultList() // a list, not a stream: nothing left open to close
        .stream()
        .findFirst()
        .map(detail -> PassageTitle.of(detail, documentId))
        .orElse(null);
  }

  @Override
  public long unansweredCount(long tenantId, UsagePeriod period) {
    return inPeriod("select count(e)", EXCHANGE, NO_PASSAGE, tenantId, period, Long.class)
        .getSingleResult();
  }

  @Override
  public List<Unanswered> latestUnanswered(long tenantId, UsagePeriod period, int limit) {
    return inPeriod(
            "select e.id, e.occurredAt, e.actor, e.question, e.model",
            EXCHANGE,
            NO_PASSAGE + " order by e.occurredAt desc, e.id desc",
            tenantId,
            period)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(
            r ->
                new Unanswered(
                    (Long) r[0], (Instant) r[1], (String) r[2], (String) r[3], (String) r[4]))
        .toList();
  }

  private TypedQuery<Object[]> inPeriod(
      String select, String type, String tail, long tenantId, UsagePeriod period) {
    return inPeriod(select, type, tail, tenantId, period, Object[].class);
  }

  private <T> TypedQuery<T> inPeriod(
      String select, String type, String tail, long tenantId, UsagePeriod period, Class<T> row) {
    return em.createQuery(select + IN_PERIOD + tail, row)
        .setParameter("tenant", tenantId)
        .setParameter("type", type)
        .setParameter("from", period.from())
        .setParameter("to", period.to());
  }

  /**
   * count and sum come back as Long on Hibernate, but the JPA type of a sum depends on its input.
   */
  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
