package org.wenjin.platform.cluster;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Once per node group: every node's timer fires, and the node whose conditional update of the job's
 * row in {@code scheduled_run} succeeds runs the period; the others see the row taken. The row
 * counts the periods run and names the node that ran the last.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW) // the claim holds whatever follows
public class ScheduledRuns {

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Inject private ClusterNode node;

  /**
   * Claims the period starting {@code now} for {@code job} unless a node claimed one less than
   * {@code every} ago.
   *
   * @return whether this node runs it
   */
  public boolean claim(String job, Instant now, Duration every) {
    return em.createNativeQuery(
                "update scheduled_run set last_run = ?1, runs = runs + 1, last_node = ?4"
                    + " where name = ?2 and last_run <= ?3")
            .setParameter(1, now)
            .setParameter(2, job)
            .setParameter(3, now.minus(every))
            .setParameter(4, node.name())
            .executeUpdate()
        == 1;
  }
}
