package org.wenjin.persistence.knowledge;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** The original bytes of a document, kept for re-indexing and for the document view. */
@Entity
@Table(name = "kb_document_content")
public class DocumentContent {

  @Id
  @Column(name = "document_id")
  private Long documentId;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  // Bound as bytes (setBytes/getBytes), not as a JDBC Blob: PostgreSQL's driver would write a
  // Blob as a large object (an oid) into the bytea column; H2 takes bytes into its BLOB as well.
  // Read on its own (JpaDocumentRepository), never with the row.
  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  private byte[] bytes;

  protected DocumentContent() {}

  public DocumentContent(Long documentId, byte[] bytes) {
    this.documentId = documentId;
    this.bytes = bytes;
  }

  public Long getDocumentId() {
    return documentId;
  }

  public byte[] getBytes() {
    return bytes;
  }
}
