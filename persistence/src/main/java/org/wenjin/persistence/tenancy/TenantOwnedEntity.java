package org.wenjin.persistence.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * The header of every row a tenant owns: a database-generated id and the {@code tenant_id} column,
 * which Hibernate fills on insert and adds to every query from the current {@link TenantScope}
 * ({@code @TenantId}), so no repository can forget it. Declared once here, so the tenant partition
 * cannot drift between entities. A table whose id is not its own identity column (e.g. one keyed by
 * its document) declares its header itself.
 */
@MappedSuperclass
public abstract class TenantOwnedEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  protected TenantOwnedEntity() {}

  /** Null until the row is inserted. */
  public Long getId() {
    return id;
  }

  /** Null until the row is inserted (Hibernate sets it from the tenant scope). */
  public Long getTenantId() {
    return tenantId;
  }
}
