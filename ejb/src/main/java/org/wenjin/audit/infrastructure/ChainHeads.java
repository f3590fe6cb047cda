package org.wenjin.audit.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.wenjin.persistence.audit.AuditChain;

/**
 * Starts a company's chain on its first event, in a transaction of its own: when two first events
 * race, the loser's insert fails on the primary key and rolls back alone, and both go on to lock
 * the winner's row.
 */
@Stateless
public class ChainHeads {

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Resource private SessionContext context;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void create(long tenantId) {
    try {
      em.persist(new AuditChain(tenantId));
      em.flush();
    } catch (PersistenceException e) {
      context.setRollbackOnly(); // the other one's head is there; nothing of ours to keep
    }
  }
}
