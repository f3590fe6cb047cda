package org.wenjin.governance.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.audit.application.AuditTrail;
import org.wenjin.audit.application.Exchange;
import org.wenjin.audit.domain.AuditQuery;
import org.wenjin.audit.domain.ChainReport;
import org.wenjin.chat.application.ChatRetention;
import org.wenjin.chat.application.Quotas;
import org.wenjin.chat.domain.QuotaExceeded;
import org.wenjin.governance.application.GovernanceService;
import org.wenjin.governance.application.Retention;
import org.wenjin.governance.domain.GovernanceRules;
import org.wenjin.governance.domain.Policy;
import org.wenjin.governance.domain.PurgeReport;
import org.wenjin.it.TestCallers;
import org.wenjin.it.TestDeployments;
import org.wenjin.persistence.audit.AuditEvent;
import org.wenjin.persistence.chat.Conversation;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.application.UserProvisioningService;

/**
 * Retention and quotas on WildFly's database: a purge deletes what is older than the policy, of one
 * company only, records itself, and leaves a chain that still verifies (and one whose start was
 * moved without a purge does not); the quotas refuse the question that goes over them.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionAndQuotasIT {

  @Deployment
  static WebArchive deployment() throws Exception {
    return TestDeployments.chatWithoutKnowledge("governance-it");
  }

  @EJB private AuditLog log;

  @EJB private AuditTrail trail;

  @EJB private Retention retention;

  @EJB private GovernanceService governance;

  @Inject private org.wenjin.governance.domain.GovernanceStore store;

  @Inject private org.wenjin.governance.application.RetentionJob job;

  @Inject private Quotas quotas;

  @Inject private org.wenjin.platform.cluster.ClusterNode node;

  @EJB private UserProvisioningService provisioning;

  @Inject private UserTransaction tx;

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  private ActingCaller alice;
  private ActingCaller bob;

  @BeforeEach
  void twoCompanies() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    alice = caller("alice-" + run, "acme-" + run);
    bob = caller("bob-" + run, "globex-" + run);
  }

  @Test
  void aPurgeRemovesOldAuditEventsOfOneCompanyRecordsItselfAndTheChainStillVerifies()
      throws Exception {
    for (int i = 1; i <= 3; i++) {
      exchange(alice, i);
      exchange(bob, i);
    }
    Instant afterOld = Instant.now();
    Thread.sleep(20);
    exchange(alice, 4);

    // "keep audit events 0 days" as of a moment between the old ones and the new one
    PurgeReport report =
        as(alice, () -> retention.purge(alice.tenantId(), auditDays(0), afterOld, "carol"));

    assertThat(report.auditEvents()).isEqualTo(3);
    List<AuditEvent> left = as(alice, () -> trail.search(AuditQuery.all(), 0, 50).events());
    assertThat(left)
        .extracting(AuditEvent::getType)
        .containsExactly("retention.purged", "exchange");
    assertThat(left.get(0).getDetail())
        .contains("\"auditEventsDeleted\":3", "\"auditThroughSeq\":3");
    assertThat(left.get(0).getActor()).isEqualTo("carol");
    assertThat(as(alice, trail::verify)).isEqualTo(ChainReport.intact(2));
    assertThat(as(bob, () -> trail.search(AuditQuery.all(), 0, 50).total()))
        .as("another company's events")
        .isEqualTo(3);
    assertThat(as(bob, trail::verify)).isEqualTo(ChainReport.intact(3));
  }

  @Test
  void aPurgeDeletesEveryOldConversationPageByPageAndKeepsTheRecentOne() throws Exception {
    Instant now = Instant.now();
    Instant old = now.minus(Duration.ofDays(100));
    int many = 2 * ChatRetention.PAGE + 5; // more than one page
    tx.begin();
    as(
        alice,
        () -> {
          for (int i = 0; i < many; i++) {
            em.persist(new Conversation(alice.userId(), "old " + i, "extractive", old));
          }
          em.persist(new Conversation(alice.userId(), "recent", "extractive", now));
          return null;
        });
    tx.commit();

    PurgeReport report =
        as(
            alice,
            () ->
                retention.purge(
                    alice.tenantId(), new Policy(30, null, null, null, null, null), now, "carol"));

    assertThat(report.conversations()).isEqualTo(many);
    assertThat(titles(alice)).containsExactly("recent");
  }

  private List<String> titles(ActingCaller caller) throws Exception {
    return as(
        caller,
        () ->
            em.createQuery(
                    "select c.title from Conversation c where c.ownerId = :owner", String.class)
                .setParameter("owner", caller.userId())
                .getResultList());
  }

  /** Every node's timer fires; the hour is claimed in the database by one of them only. */
  @Test
  void theHourlyPurgeRunsOncePerPeriodWhicheverNodeAsksFirst() throws Exception {
    String job = "test-" + UUID.randomUUID(); // a job of its own: the real one keeps its hour
    tx.begin();
    em.createNativeQuery(
            "INSERT INTO scheduled_run (name, last_run)"
                + " VALUES (?1, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')")
        .setParameter(1, job)
        .executeUpdate();
    tx.commit();
    Instant now = Instant.now();
    Duration every = Duration.ofMinutes(55);

    assertThat(store.claim(job, now, every)).as("the first node").isTrue();
    assertThat(store.claim(job, now.plusSeconds(2), every)).as("another node").isFalse();
    assertThat(store.claim(job, now.plus(Duration.ofMinutes(60)), every))
        .as("the next hour")
        .isTrue();
    Object[] row =
        (Object[])
            em.createNativeQuery("SELECT runs, last_node FROM scheduled_run WHERE name = ?1")
                .setParameter(1, job)
                .getSingleResult();
    assertThat(((Number) row[0]).longValue()).as("periods run").isEqualTo(2);
    assertThat(row[1]).as("the node that ran the last").isEqualTo(node.name());
  }

  @Test
  void theJobPurgesEveryCompanyThatLimitsRetentionEachInItsOwnScope() throws Exception {
    setPolicy(alice, new Policy(30, null, null, null, null, null));
    setPolicy(bob, new Policy(60, null, null, null, null, null));

    assertThat(store.companiesRetaining()).contains(alice.tenantId(), bob.tenantId());
    job.runFor(List.of(alice.tenantId(), bob.tenantId()), Instant.now());

    for (ActingCaller c : List.of(alice, bob)) {
      AuditEvent purge = as(c, () -> trail.search(AuditQuery.all(), 0, 1).events()).getFirst();
      assertThat(purge.getType()).isEqualTo("retention.purged");
      assertThat(purge.getActor()).isEqualTo("retention");
      assertThat(purge.getDetail()).contains("\"conversationDays\":" + (c == alice ? 30 : 60));
    }
  }

  @Test
  void aChainStartMovedWithoutARecordedPurgeIsReported() throws Exception {
    for (int i = 1; i <= 3; i++) {
      exchange(alice, i);
    }
    List<Long> ids = ids(alice);
    tx.begin();
    em.createNativeQuery("DELETE FROM audit_event_document WHERE event_id = ?")
        .setParameter(1, ids.get(0))
        .executeUpdate();
    em.createNativeQuery("DELETE FROM audit_event WHERE id = ?")
        .setParameter(1, ids.get(0))
        .executeUpdate();
    em.createNativeQuery(
            "UPDATE audit_chain SET purged_seq = 1, purged_hash = ?1 WHERE tenant_id = ?2")
        .setParameter(1, "f".repeat(64))
        .setParameter(2, alice.tenantId())
        .executeUpdate();
    tx.commit();

    ChainReport report = as(alice, trail::verify);
    assertThat(report.intact()).isFalse();
  }

  @Test
  void aPolicyOutsideThePlatformBoundsIsRefusedAndChangesAreAudited() throws Exception {
    assertThatThrownBy(() -> as(alice, () -> governance.change(auditDays(30))))
        .isInstanceOf(GovernanceRules.class)
        .hasMessageContaining("Audit events are kept 365 to");
    tx.begin();
    as(alice, () -> governance.change(new Policy(90, 400, 5, null, null, null)));
    tx.commit();

    assertThat(as(alice, governance::policy)).isEqualTo(new Policy(90, 400, 5, null, null, null));
    assertThat(as(bob, governance::policy)).isEqualTo(Policy.NONE);
    AuditEvent changed = as(alice, () -> trail.search(AuditQuery.all(), 0, 1).events()).getFirst();
    assertThat(changed.getType()).isEqualTo("settings.policy-changed");
    assertThat(changed.getDetail()).contains("\"after\":{\"conversationDays\":90");
  }

  @Test
  void theQuestionOverAPerMinuteQuotaIsRefusedWithWhenToRetry() throws Exception {
    setPolicy(alice, new Policy(null, null, 2, null, null, null));
    long intoMinute = System.currentTimeMillis() % 60_000;
    if (intoMinute > 55_000) {
      Thread.sleep(60_000 - intoMinute + 100); // all three questions in one calendar minute
    }

    as(alice, () -> admit(alice));
    as(alice, () -> admit(alice));
    Throwable refused = failure(() -> as(alice, () -> admit(alice)));

    assertThat(refused).isInstanceOf(QuotaExceeded.class).hasMessageContaining("2 questions");
    assertThat(((QuotaExceeded) refused).retryAfterSeconds()).isBetween(1L, 60L);
    as(bob, () -> admit(bob)); // another company: its own policy (none)
  }

  @Test
  void aQuestionRefusedForAnotherReasonDoesNotCountTowardTheMinute() throws Exception {
    setPolicy(alice, new Policy(null, null, 1, 1, null, null));
    long intoMinute = System.currentTimeMillis() % 60_000;
    if (intoMinute > 55_000) {
      Thread.sleep(60_000 - intoMinute + 100);
    }

    as(alice, () -> admit(alice));
    as(
        alice,
        () -> {
          quotas.refund(alice); // e.g. the question was empty
          return null;
        });
    as(alice, () -> admit(alice));

    assertThat(failure(() -> as(alice, () -> admit(alice)))).isInstanceOf(QuotaExceeded.class);
  }

  @Test
  void tokensPerDayCountAnswersAcrossTheDayAndRefuseOnceUsedUp() throws Exception {
    setPolicy(alice, new Policy(null, null, null, null, 1000L, null));
    as(alice, () -> admit(alice));

    tx.begin();
    quotas.used(alice.tenantId(), alice.userId(), 600);
    quotas.used(alice.tenantId(), alice.userId(), 500);
    tx.commit();

    Throwable refused = failure(() -> as(alice, () -> admit(alice)));
    assertThat(refused)
        .isInstanceOf(QuotaExceeded.class)
        .hasMessageContaining("used 1100 of 1000 tokens today");
    var today = as(alice, governance::today);
    assertThat(today.myTokens()).isEqualTo(1100);
    assertThat(today.companyQuestions()).isEqualTo(2);
  }

  private Void admit(ActingCaller caller) {
    quotas.admit(caller);
    return null;
  }

  private void setPolicy(ActingCaller caller, Policy policy) throws Exception {
    tx.begin();
    as(caller, () -> governance.change(policy));
    tx.commit();
  }

  private static Policy auditDays(int days) {
    return new Policy(null, days, null, null, null, null);
  }

  private List<Long> ids(ActingCaller caller) throws Exception {
    List<Long> ids = new java.util.ArrayList<>();
    as(
        caller,
        () -> {
          trail.export(
              AuditQuery.all(),
              e -> {
                ids.add(0, e.getId());
                return true;
              });
          return null;
        });
    return ids;
  }

  private void exchange(ActingCaller caller, int n) throws Exception {
    tx.begin();
    log.exchange(
        caller.tenantId(),
        new Exchange(
            caller.userId(),
            caller.username(),
            n,
            n,
            "Q" + n,
            "A" + n,
            "COMPLETE",
            null,
            "extractive",
            "extractive",
            List.of(new Exchange.ShownPassage(1, 41, 0, "Leave", true)),
            new Exchange.Timings(1, 2L, 3),
            10,
            5));
    tx.commit();
  }

  private static <T> T as(ActingCaller caller, Callable<T> work) throws Exception {
    return CallerScope.call(caller, work);
  }

  private static Throwable failure(Callable<?> work) {
    try {
      work.call();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  private ActingCaller caller(String subject, String tenantAlias) {
    return TestCallers.member(provisioning, subject, tenantAlias, Roles.TENANT_ADMIN);
  }
}
