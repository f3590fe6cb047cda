package org.wenjin.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A document whose passages an exchange gave the model: the index behind the auditor's "document"
 * filter. Derived from the event's (hashed) detail, so it is a lookup aid, not evidence.
 */
@Entity
@Table(name = "audit_event_document")
public class AuditEventDocument {

  /** The event and the document. */
  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "event_id")
    private Long eventId;

    @Column(name = "document_id")
    private Long documentId;

    protected Key() {}

    Key(Long eventId, Long documentId) {
      this.eventId = eventId;
      this.documentId = documentId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(eventId, k.eventId)
          && Objects.equals(documentId, k.documentId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(eventId, documentId);
    }
  }

  @EmbeddedId private Key key;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private long tenantId;

  @Column(nullable = false, updatable = false)
  private boolean cited;

  protected AuditEventDocument() {}

  public AuditEventDocument(long eventId, long tenantId, long documentId, boolean cited) {
    this.key = new Key(eventId, documentId);
    this.tenantId = tenantId;
    this.cited = cited;
  }
}
