package org.wenjin.knowledge.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.knowledge.domain.IngestionQueue.Claim;
import org.wenjin.knowledge.domain.SearchUnavailableException;
import org.wenjin.knowledge.domain.UnreadableDocumentException;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;

/**
 * Takes documents off the durable queue and has {@link DocumentIngestion} index each one inside the
 * job's tenant scope; this class owns the loops, their start-up and the retries. Each server runs
 * {@code wenjin.ingestion.workers} loops (default 2), each on its own document: while one parses,
 * waits for the index write and refresh or records its progress, the other keeps the embedding
 * model's sessions busy — with one loop the cores sat idle a quarter of the time. Several servers
 * share the queue safely (leases).
 *
 * <p>Failures: a document that cannot be read (damaged, too much text, not read within the parse
 * time limit) fails for good with the reason; an index or model outage, or no parsing thread free,
 * puts the job back with a growing delay (5 s doubling to 5 min) and keeps the reason on the
 * document, so nothing is lost and nothing is indexed twice (chunk ids are stable).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class IngestionWorker {

  private static final Logger LOG = Logger.getLogger(IngestionWorker.class.getName());

  /** Unexpected errors (not outages) get this many tries before the document fails. */
  static final int MAX_ATTEMPTS = 5;

  private static final Duration IDLE_POLL = Duration.ofSeconds(2);

  /** Needs as many threads in the {@code wenjin-ingestion} executor (configure.cli). */
  static final int DEFAULT_WORKERS = 2;

  @Resource(lookup = "java:jboss/ee/concurrency/executor/wenjin-ingestion")
  private ManagedExecutorService executor;

  @Inject private IngestionSteps steps;

  @Inject private DocumentIngestion ingestion;

  @Inject
  @ConfigProperty(name = "wenjin.ingestion.workers", defaultValue = "" + DEFAULT_WORKERS)
  int workers;

  private final Semaphore work = new Semaphore(0);
  private volatile boolean running;
  private final List<Future<?>> loops = new CopyOnWriteArrayList<>();

  @PostConstruct
  void start() {
    running = true;
    loops.add(executor.submit(this::startUp));
  }

  @PreDestroy
  void stop() {
    running = false;
    work.release(loops.size());
    for (Future<?> loop : loops) {
      try {
        loop.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        loop.cancel(true);
      }
    }
  }

  /** New work was committed: look now instead of at the next poll. */
  public void wake() {
    work.release();
  }

  /** Once the index is ready and lost jobs are back, the loops start; this thread is the first. */
  private void startUp() {
    if (!prepareIndex()) {
      return;
    }
    try {
      int requeued = steps.requeueOrphans();
      if (requeued > 0) {
        LOG.info(() -> "queued " + requeued + " documents again that had lost their job");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not check for documents without a job", e);
    }
    int count = Math.max(1, workers);
    LOG.info(() -> "indexing documents with " + count + " workers");
    for (int i = 1; i < count && running; i++) {
      loops.add(executor.submit(this::run));
    }
    run();
  }

  private void run() {
    while (running) {
      try {
        Optional<Claim> claim = steps.claim();
        if (claim.isPresent()) {
          work.release(); // there may be more: an idle sibling looks too
          process(claim.get());
        } else {
          work.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
          work.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // the database itself is failing: wait, then try again
        LOG.log(Level.WARNING, "ingestion queue unavailable; retrying", e);
        sleep(IDLE_POLL.multipliedBy(5));
      }
    }
  }

  /** Waits for Elasticsearch if need be; false when the server stops meanwhile. */
  private boolean prepareIndex() {
    while (running) {
      try {
        int requeued = steps.prepareIndex();
        if (requeued > 0) {
          LOG.info(() -> "new search index: " + requeued + " documents queued to be indexed again");
        }
        return true;
      } catch (RuntimeException e) {
        LOG.warning("search index not ready (" + e.getMessage() + "); retrying in 10 s");
        sleep(Duration.ofSeconds(10));
      }
    }
    return false;
  }

  void process(Claim claim) {
    // the tenant comes from the job, which the upload request wrote from its verified token; the
    // outcome is recorded inside the same scope (outside it the document would not be found)
    ActingCaller worker =
        new ActingCaller(claim.tenantId(), "", 0L, "ingestion", Set.of(), List.of());
    try {
      CallerScope.call(
          worker,
          () -> {
            indexAndRecord(claim);
            return null;
          });
    } catch (Exception e) {
      LOG.log(
          Level.WARNING, "recording the outcome of document " + claim.documentId() + " failed", e);
      // the lease runs out and the job is taken again
    }
  }

  private void indexAndRecord(Claim claim) {
    try {
      ingestion.ingest(claim);
    } catch (UnreadableDocumentException e) {
      // also a document not read within its time: it would take as long again, so no retry
      steps.failed(claim, e.explanation());
    } catch (BoundedParsing.NoParserFree e) {
      steps.retry(
          claim,
          RuleMessage.of("knowledge.ingestion.waiting-for-parser", e.explanation()),
          later(claim));
    } catch (SearchUnavailableException e) {
      steps.retry(
          claim,
          RuleMessage.of("knowledge.ingestion.waiting-for-search", e.explanation()),
          later(claim));
    } catch (ChatModelException e) {
      // the engine's own words (inference-jni has no bundle): kept as they are
      steps.retry(
          claim,
          RuleMessage.of("knowledge.ingestion.waiting-for-model", String.valueOf(e.getMessage())),
          later(claim));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "indexing document " + claim.documentId() + " failed", e);
      if (claim.attempt() >= MAX_ATTEMPTS) {
        steps.failed(
            claim,
            RuleMessage.of(
                "knowledge.ingestion.failed-times", claim.attempt(), RuleMessage.from(e)));
      } else {
        steps.retry(
            claim,
            RuleMessage.of("knowledge.ingestion.will-retry", RuleMessage.from(e)),
            later(claim));
      }
    }
  }

  private static Instant later(Claim claim) {
    long seconds = Math.min(300, 5L << Math.min(6, claim.attempt() - 1));
    return Instant.now().plusSeconds(seconds);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
