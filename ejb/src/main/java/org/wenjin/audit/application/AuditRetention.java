package org.wenjin.audit.application;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.wenjin.audit.domain.AuditEvents;
import org.wenjin.audit.domain.ChainVerifier;

/**
 * A retention purge, recorded in the audit trail it purges: the audit events older than a cutoff
 * (when the company limits their retention) go, and an event saying what went — conversations and
 * audit events, through which sequence number — is appended. Verification starts the chain after
 * the purged part and checks that a recorded purge put the start there.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditRetention {

  /** What one purge of a company did. */
  public record PurgeRecord(
      String actor,
      Integer conversationDays,
      int conversationsDeleted,
      Integer auditDays,
      Instant auditCutoff) {}

  @Inject private AuditEvents events;

  /**
   * Purges {@code tenantId}'s audit events older than the record's cutoff (none when it is null)
   * and records the purge; returns how many audit events went.
   */
  public int purge(long tenantId, PurgeRecord purge) {
    var removed =
        purge.auditCutoff() == null
            ? java.util.Optional.<AuditEvents.Purge>empty()
            : events.purgeBefore(tenantId, purge.auditCutoff());
    var detail =
        JSON.createObjectBuilder()
            .add("conversationsDeleted", purge.conversationsDeleted())
            .add("auditEventsDeleted", removed.map(AuditEvents.Purge::events).orElse(0));
    if (purge.conversationDays() != null) {
      detail.add("conversationDays", purge.conversationDays());
    }
    if (purge.auditDays() != null) {
      detail.add("auditDays", purge.auditDays());
    }
    removed.ifPresent(r -> detail.add("auditThroughSeq", r.throughSeq()));
    events.append(
        tenantId,
        org.wenjin.persistence.audit.AuditContent.action(
            ChainVerifier.PURGE, purge.actor(), null, detail.build().toString()),
        java.util.List.of());
    return removed.map(AuditEvents.Purge::events).orElse(0);
  }
}
