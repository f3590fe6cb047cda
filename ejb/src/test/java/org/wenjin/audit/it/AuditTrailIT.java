package org.wenjin.audit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.wenjin.audit.domain.AuditRules;
import org.wenjin.audit.domain.ChainReport;
import org.wenjin.it.TestCallers;
import org.wenjin.it.TestDeployments;
import org.wenjin.persistence.audit.AuditEvent;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.application.UserProvisioningService;

/**
 * The audit trail on WildFly's real database: events chain per company, a row edited or removed
 * behind the application's back is named by verification, concurrent appends keep one unbroken
 * chain, and every read stays inside the caller's company.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

  @Deployment
  static WebArchive deployment() throws Exception {
    return TestDeployments.war("audit-trail-it", "org.wenjin.tenancy", "org.wenjin.audit");
  }

  @EJB private AuditLog log;

  @EJB private AuditTrail trail;

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
  void eventsOfOneCompanyChainAndReadsStayInsideIt() throws Exception {
    exchange(alice, 1, "年假怎么申请？", "请假需要经理批准。[1]", 41L);
    action(alice, "document.uploaded");
    exchange(bob, 2, "What is our travel policy?", "Economy class. [1]", 42L);

    List<AuditEvent> acme = as(alice, () -> trail.search(AuditQuery.all(), 0, 50).events());
    assertThat(acme)
        .extracting(AuditEvent::getType)
        .containsExactly("document.uploaded", "exchange");
    assertThat(acme).allSatisfy(e -> assertThat(e.getTenantId()).isEqualTo(alice.tenantId()));
    assertThat(acme).extracting(AuditEvent::getSeq).containsExactly(2L, 1L);
    assertThat(acme.get(0).getPrevHash()).isEqualTo(acme.get(1).getHash());

    long globexEvent = as(bob, () -> trail.search(AuditQuery.all(), 0, 1).events().get(0).getId());
    Throwable leak = failure(() -> as(alice, () -> trail.event(globexEvent)));
    assertThat(leak).isInstanceOf(AuditRules.class).hasMessageContaining("does not exist");

    assertThat(as(alice, trail::verify)).isEqualTo(ChainReport.intact(2));
    assertThat(as(bob, trail::verify)).isEqualTo(ChainReport.intact(1));
  }

  @Test
  void filtersFindByDocumentTextUserTypeAndModel() throws Exception {
    exchange(alice, 1, "年假怎么申请？", "请假需要经理批准。[1]", 41L);
    exchange(alice, 2, "Where is the VPN guide?", "See the IT handbook.", 77L);
    action(alice, "document.deleted");

    assertThat(search(alice, query(null, null, 41L, null))).containsExactly("年假怎么申请？");
    assertThat(search(alice, query("vpn", null, null, null)))
        .containsExactly("Where is the VPN guide?");
    assertThat(search(alice, query(null, "document.*", null, null))).containsExactly((String) null);
    assertThat(search(alice, query(null, "exchange", null, "extractive"))).hasSize(2);
    assertThat(search(alice, query(null, null, null, "no-such-model"))).isEmpty();
    assertThat(as(alice, () -> trail.search(query(null, null, 41L, null), 0, 50).total()))
        .isEqualTo(1);
    // the document of Acme is not a way into Globex's events
    exchange(bob, 3, "Globex secret", "x [1]", 41L);
    assertThat(search(alice, query("globex", null, null, null))).isEmpty();
  }

  @Test
  void anAnswerEditedInTheDatabaseIsNamedByVerification() throws Exception {
    exchange(alice, 1, "Q1", "A1", 41L);
    exchange(alice, 2, "Q2", "A2", 41L);
    exchange(alice, 3, "Q3", "A3", 41L);
    long second = eventIds(alice).get(1);

    tx.begin();
    int changed =
        em.createNativeQuery("UPDATE audit_event SET answer = 'A2 (changed)' WHERE id = ?")
            .setParameter(1, second)
            .executeUpdate();
    tx.commit();
    assertThat(changed).isEqualTo(1);

    ChainReport report = as(alice, trail::verify);
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBrokenEvent()).isEqualTo(second);
    assertThat(report.reason()).contains("content was changed");
    assertThat(as(bob, trail::verify).intact()).as("another company's chain").isTrue();
  }

  @Test
  void aRowDeletedInTheDatabaseIsNamedByVerification() throws Exception {
    for (int i = 1; i <= 4; i++) {
      exchange(alice, i, "Q" + i, "A" + i, 41L);
    }
    List<Long> ids = eventIds(alice);

    tx.begin();
    em.createNativeQuery("DELETE FROM audit_event_document WHERE event_id = ?")
        .setParameter(1, ids.get(1))
        .executeUpdate();
    em.createNativeQuery("DELETE FROM audit_event WHERE id = ?")
        .setParameter(1, ids.get(1))
        .executeUpdate();
    tx.commit();

    ChainReport report = as(alice, trail::verify);
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBrokenEvent()).isEqualTo(ids.get(2));
  }

  /**
   * 48 answers of one company ending at once, each holding the chain's head for 40 ms (as a slow
   * commit would): the last waits ~2 s for the lock, past H2's default timeout of 1 s, which failed
   * such answers before the datasource's LOCK_TIMEOUT was raised.
   */
  @Test
  void concurrentAppendsOfOneCompanyKeepOneUnbrokenChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(48);
    try {
      List<Future<?>> appends = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        int n = i;
        appends.add(pool.submit(() -> slowExchange(alice, n)));
      }
      for (Future<?> f : appends) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(as(alice, trail::verify)).isEqualTo(ChainReport.intact(48));
  }

  private Void slowExchange(ActingCaller caller, int n) throws Exception {
    tx.begin();
    log.exchange(caller.tenantId(), exchange(caller, n, "Q" + n, "A" + n, 41L, true));
    Thread.sleep(40);
    tx.commit();
    return null;
  }

  @Test
  void anExportStreamsEveryMatchingEventNewestFirstAcrossBatches() throws Exception {
    tx.begin();
    for (int i = 0; i < 1203; i++) {
      CallerScope.call(
          alice,
          () -> {
            log.action("document.reindexed", JSON.createObjectBuilder().add("n", 1).build());
            return null;
          });
    }
    tx.commit();
    List<Long> seqs = new ArrayList<>();
    as(
        alice,
        () -> {
          trail.export(AuditQuery.all(), e -> seqs.add(e.getSeq()));
          return null;
        });
    assertThat(seqs).hasSize(1203).first().isEqualTo(1203L);
    assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(as(alice, trail::verify)).isEqualTo(ChainReport.intact(1203));
  }

  private List<String> search(ActingCaller caller, AuditQuery query) throws Exception {
    return as(caller, () -> trail.search(query, 0, 50).events()).stream()
        .map(AuditEvent::getQuestion)
        .toList();
  }

  private static AuditQuery query(String text, String type, Long document, String model) {
    return new AuditQuery(null, null, null, text, model, document, type, null);
  }

  private List<Long> eventIds(ActingCaller caller) throws Exception {
    List<Long> ids = new ArrayList<>();
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
    return ids; // oldest first
  }

  private Void exchange(
      ActingCaller caller, int turn, String question, String answer, long document) {
    try {
      tx.begin();
      log.exchange(caller.tenantId(), exchange(caller, turn, question, answer, document, true));
      tx.commit();
      return null;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Exchange exchange(
      ActingCaller caller, int turn, String question, String answer, long document, boolean cited) {
    return new Exchange(
        caller.userId(),
        caller.username(),
        1000 + turn,
        2000 + turn,
        question,
        answer,
        "COMPLETE",
        null,
        "extractive",
        "extractive",
        List.of(new Exchange.ShownPassage(1, document, 0, "Leave policy", cited)),
        new Exchange.Timings(1, 2L, 3),
        10,
        5);
  }

  private void action(ActingCaller caller, String type) throws Exception {
    tx.begin();
    CallerScope.call(
        caller,
        () -> {
          log.action(type, JSON.createObjectBuilder().add("documentId", 41).build());
          return null;
        });
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
    return TestCallers.member(provisioning, subject, tenantAlias, Roles.AUDITOR);
  }
}
