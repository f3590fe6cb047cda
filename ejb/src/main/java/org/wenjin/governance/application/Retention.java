package org.wenjin.governance.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.wenjin.audit.application.AuditRetention;
import org.wenjin.chat.application.ChatRetention;
import org.wenjin.governance.domain.GovernanceStore;
import org.wenjin.governance.domain.Policy;
import org.wenjin.governance.domain.PurgeReport;

/**
 * One company's purge, in one transaction of its own, run in that company's scope: conversations
 * not used for the policy's days, then audit events older than its days; the purge is recorded as
 * an audit event (also when nothing was old enough), so every run shows in the trail.
 */
@Stateless
public class Retention {

  @Inject private ChatRetention conversations;

  @Inject private AuditRetention audit;

  @Inject private GovernanceStore store;

  /**
   * Purges by the company's saved policy, read in this transaction: a read outside it, in a timer's
   * bean without a transaction, can be served by a persistence context opened for another company
   * (WildFly keeps one per bean call), which is how the job once purged by no policy.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public PurgeReport purgeByPolicy(long tenantId, Instant now, String actor) {
    return purge(tenantId, store.policy(), now, actor);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public PurgeReport purge(long tenantId, Policy policy, Instant now, String actor) {
    int deleted =
        policy.conversationDays() == null
            ? 0
            : conversations.purgeConversationsBefore(cutoff(now, policy.conversationDays()));
    Instant auditCutoff = policy.auditDays() == null ? null : cutoff(now, policy.auditDays());
    int events =
        audit.purge(
            tenantId,
            new AuditRetention.PurgeRecord(
                actor, policy.conversationDays(), deleted, policy.auditDays(), auditCutoff));
    return new PurgeReport(deleted, events);
  }

  static Instant cutoff(Instant now, int days) {
    return now.minus(Duration.ofDays(days));
  }
}
