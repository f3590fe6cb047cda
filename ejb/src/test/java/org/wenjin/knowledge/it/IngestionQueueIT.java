package org.wenjin.knowledge.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenjin.it.TestDeployments;
import org.wenjin.knowledge.domain.DocumentRepository;
import org.wenjin.knowledge.domain.IngestionQueue;
import org.wenjin.knowledge.domain.IngestionQueue.Claim;
import org.wenjin.knowledge.infrastructure.JpaDocumentRepository;
import org.wenjin.knowledge.infrastructure.JpaIngestionQueue;
import org.wenjin.persistence.knowledge.KnowledgeDocument;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.application.SignedInUser;
import org.wenjin.tenancy.application.UserProvisioningService;
import org.wenjin.tenancy.domain.CallerIdentity;

/**
 * The ingestion queue on the real database: a job goes to one worker at a time, a worker that dies
 * gives it back when its lease runs out, a re-index during a run is not lost, and a document left
 * without a job is found again at startup.
 */
@ExtendWith(ArquillianExtension.class)
class IngestionQueueIT {

  @Deployment
  static WebArchive deployment() throws URISyntaxException {
    return TestDeployments.war("ingestion-queue-it", "org.wenjin.tenancy", "org.wenjin.audit")
        .addPackage("org.wenjin.knowledge.domain")
        .addClasses(JpaIngestionQueue.class, JpaDocumentRepository.class);
  }

  private static final Duration LEASE = Duration.ofMinutes(2);

  @EJB private UserProvisioningService provisioning;
  @Inject private IngestionQueue queue;
  @Inject private DocumentRepository documents;
  @Resource private UserTransaction tx;

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  private ActingCaller admin;

  @BeforeEach
  void anEmptyQueueAndAnAdmin() throws Exception {
    // this test owns the knowledge tables of the Arquillian database
    for (String table : List.of("kb_ingestion_job", "kb_document_content", "kb_document")) {
      inTx(() -> em.createNativeQuery("delete from " + table).executeUpdate());
    }
    String run = UUID.randomUUID().toString().substring(0, 8);
    SignedInUser user =
        provisioning.provision(
            new CallerIdentity(
                "admin-" + run,
                "admin-" + run,
                "Admin",
                "admin-" + run + "@example.com",
                List.of("q-" + run),
                Set.of(Roles.TENANT_ADMIN),
                List.of()));
    Tenant tenant = user.tenants().get(0);
    admin =
        new ActingCaller(
            tenant.getId(),
            tenant.getDisplayName(),
            user.user().getId(),
            run,
            Set.of(Roles.TENANT_ADMIN),
            List.of());
  }

  @Test
  void aJobGoesToOneWorkerUntilItsLeaseRunsOut() throws Exception {
    long id = upload("a.md");
    Instant now = Instant.now();

    Optional<Claim> first = inTx(() -> queue.claimNext(now, now.plus(LEASE)));
    Optional<Claim> second = inTx(() -> queue.claimNext(now, now.plus(LEASE)));
    Instant afterCrash = now.plus(LEASE).plusSeconds(1);
    Optional<Claim> retaken = inTx(() -> queue.claimNext(afterCrash, afterCrash.plus(LEASE)));

    assertThat(first)
        .get()
        .extracting(Claim::documentId, Claim::tenantId, Claim::attempt)
        .containsExactly(id, admin.tenantId(), 1);
    assertThat(second).as("leased to the first worker").isEmpty();
    assertThat(retaken).as("the first worker died").get().extracting(Claim::attempt).isEqualTo(2);
  }

  @Test
  void aReindexDuringARunIsNotLost() throws Exception {
    long id = upload("b.md");
    Instant now = Instant.now();
    Claim claim = inTx(() -> queue.claimNext(now, now.plus(LEASE))).orElseThrow();

    Thread.sleep(5); // the re-index is due later than the claimed run
    as(
        () ->
            inTx(
                () -> {
                  documents.enqueue(documents.find(id).orElseThrow());
                  return null;
                }));
    inTx(
        () -> {
          queue.finish(claim);
          return null;
        });

    Instant later = Instant.now();
    assertThat(inTx(() -> queue.claimNext(later, later.plus(LEASE))))
        .as("runs once more")
        .get()
        .extracting(Claim::documentId)
        .isEqualTo(id);
  }

  @Test
  void aFinishedJobIsGoneAndADocumentWithoutOneIsFoundAgain() throws Exception {
    long id = upload("c.md");
    Instant now = Instant.now();
    Claim claim = inTx(() -> queue.claimNext(now, now.plus(LEASE))).orElseThrow();
    inTx(
        () -> {
          queue.finish(claim);
          return null;
        });
    assertThat(inTx(() -> queue.claimNext(now, now.plus(LEASE)))).isEmpty();

    // the document still waits (a crash between steps): startup finds it
    int requeued = inTx(() -> queue.requeueOrphans(Instant.now()));

    assertThat(requeued).isEqualTo(1);
    Instant later = Instant.now();
    assertThat(inTx(() -> queue.claimNext(later, later.plus(LEASE))))
        .get()
        .extracting(Claim::documentId)
        .isEqualTo(id);
  }

  private long upload(String name) throws Exception {
    return as(
        () ->
            inTx(
                () ->
                    documents
                        .add(
                            new KnowledgeDocument(
                                name,
                                name,
                                "text/markdown",
                                5,
                                UUID.randomUUID().toString().replace("-", "").repeat(2),
                                "general",
                                List.of(),
                                List.of(),
                                admin.userId(),
                                Instant.now()),
                            "hello".getBytes())
                        .getId()));
  }

  private <T> T as(Callable<T> work) throws Exception {
    return CallerScope.call(admin, work);
  }

  private <T> T inTx(Callable<T> work) throws Exception {
    tx.begin();
    try {
      T result = work.call();
      tx.commit();
      return result;
    } catch (Exception e) {
      tx.rollback();
      throw e;
    }
  }
}
