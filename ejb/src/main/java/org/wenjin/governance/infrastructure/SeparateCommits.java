package org.wenjin.governance.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;

/**
 * Writes that commit on their own: a day's usage row (when two answers race to create it, the
 * loser's insert fails alone and both then add to the winner's row). A job's claim is {@link
 * org.wenjin.platform.cluster.ScheduledRuns}'.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SeparateCommits {

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Resource private SessionContext context;

  public void createUsageRow(long tenantId, long userId, LocalDate day) {
    try {
      em.createNativeQuery(
              "insert into usage_day (tenant_id, user_id, usage_date, questions, tokens)"
                  + " values (?1, ?2, ?3, 0, 0)")
          .setParameter(1, tenantId)
          .setParameter(2, userId)
          .setParameter(3, day)
          .executeUpdate();
    } catch (PersistenceException e) {
      context.setRollbackOnly(); // the other answer's row is there
    }
  }
}
