package org.wenjin.audit.infrastructure;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.wenjin.audit.application.AdminAuditLog;
import org.wenjin.persistence.audit.AdminAuditEvent;

/**
 * Writes audit events in the caller's transaction (MANDATORY): an action and its audit record
 * commit or roll back together.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class JpaAdminAuditLog implements AdminAuditLog {

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Override
  public void record(String actor, Long tenantId, String action, String detail) {
    em.persist(new AdminAuditEvent(Instant.now(), actor, tenantId, action, detail));
  }
}
