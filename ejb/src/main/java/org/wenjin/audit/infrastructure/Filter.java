package org.wenjin.audit.infrastructure;

import jakarta.persistence.TypedQuery;
import java.util.Locale;
import org.wenjin.audit.domain.AuditQuery;

/** An {@link AuditQuery} as JPQL conditions on {@code AuditEvent e}, with their parameters. */
final class Filter {

  private final AuditQuery query;
  private final String text;

  Filter(AuditQuery query) {
    this.query = query;
    this.text =
        query.text() == null || query.text().isBlank()
            ? null
            : "%"
                + query.text().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "")
                + "%";
  }

  String where() {
    StringBuilder where = new StringBuilder();
    if (query.from() != null) {
      where.append(" and e.occurredAt >= :from");
    }
    if (query.to() != null) {
      where.append(" and e.occurredAt < :to");
    }
    if (query.user() != null) {
      where.append(" and e.actor = :user");
    }
    if (text != null) {
      where.append(" and (lower(e.question) like :text or lower(e.answer) like :text)");
    }
    if (query.model() != null) {
      where.append(" and e.model = :model");
    }
    if (query.documentId() != null) {
      where.append(
          " and exists (select d from AuditEventDocument d where d.key.eventId = e.id"
              + " and d.tenantId = :tenant and d.key.documentId = :document)");
    }
    if (query.type() != null) {
      where.append(family() ? " and e.type like :type" : " and e.type = :type");
    }
    if (query.rating() != null) {
      where.append(" and e.rating = :rating");
    }
    return where.toString();
  }

  <T> TypedQuery<T> bind(TypedQuery<T> q, long tenantId) {
    q.setParameter("tenant", tenantId);
    if (query.from() != null) {
      q.setParameter("from", query.from());
    }
    if (query.to() != null) {
      q.setParameter("to", query.to());
    }
    if (query.user() != null) {
      q.setParameter("user", query.user());
    }
    if (text != null) {
      q.setParameter("text", text);
    }
    if (query.model() != null) {
      q.setParameter("model", query.model());
    }
    if (query.documentId() != null) {
      q.setParameter("document", query.documentId());
    }
    if (query.type() != null) {
      q.setParameter(
          "type",
          family() ? query.type().substring(0, query.type().length() - 1) + "%" : query.type());
    }
    if (query.rating() != null) {
      q.setParameter("rating", query.rating());
    }
    return q;
  }

  /** {@code document.*}: every type of the family. */
  private boolean family() {
    return query.type().endsWith(".*");
  }
}
