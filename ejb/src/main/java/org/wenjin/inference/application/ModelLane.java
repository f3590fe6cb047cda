package org.wenjin.inference.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wenjin.engine.spi.Cancellation;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.Completion;
import org.wenjin.inference.application.GenerationOutcome.Kind;
import org.wenjin.platform.text.RuleMessage;

/**
 * Admission control for one shared model: at most {@code slots} generations at once, a bounded
 * queue shared fairly between tenants, timeouts, and cancellation that frees the slot at once.
 * Plain Java, so the scheduling is unit-tested without a container; listeners are called outside
 * the lock.
 *
 * <p>Fairness: each tenant may hold at most {@link LaneLimits#maxQueuedPerTenant()} of the waiting
 * places, so one company's flood cannot refuse another's question; and the waiting questions start
 * in the order of a {@link FairQueue}, in rounds between companies and between colleagues, so one
 * person's burst of fifty makes another company's single question wait for about one of them. The
 * place each waiting question is told only moves forward.
 *
 * <p>Timeouts are deadlines that {@link #expireOverdue()} checks (the pool calls it every second),
 * not a timer task per job: a cancelled task stays in a scheduled executor's queue, with the job,
 * its listener and the HTTP exchange behind it, until its delay has passed — minutes of every
 * finished answer kept alive under load (issue 20).
 */
public final class ModelLane {

  private static final Logger LOG = Logger.getLogger(ModelLane.class.getName());

  private final String label;
  private final ChatModel model;
  private final LaneLimits limits;
  private final Executor executor;

  private final Object lock = new Object();
  private final LaneMeter meter = new LaneMeter();

  /** Tenants with questions waiting or running; a tenant with neither is forgotten. */
  private final Map<Long, TenantCount> tenants = new HashMap<>();

  private final FairQueue<Job> waiting = new FairQueue<>();
  private final Set<Job> running = new HashSet<>();
  private long positionVersion;

  public ModelLane(String label, ChatModel model, LaneLimits limits, Executor executor) {
    this.label = label;
    this.model = model;
    this.limits = limits;
    this.executor = executor;
  }

  /**
   * Starts the generation now or queues it.
   *
   * @throws PoolBusyException when the queue is full, or {@code tenantId} holds its whole share
   */
  public Generation submit(
      long tenantId, long userId, ChatRequest request, GenerationListener listener) {
    List<Runnable> notifications = new ArrayList<>();
    Job job;
    synchronized (lock) {
      boolean startNow = running.size() < limits.slots() && waiting.isEmpty();
      TenantCount tenant = tenants.get(tenantId);
      if (!startNow) {
        if (waiting.size() >= limits.maxQueued()) {
          throw new PoolBusyException(label, waiting.size());
        }
        int own = tenant == null ? 0 : tenant.waiting;
        if (own >= limits.maxQueuedPerTenant()) {
          throw PoolBusyException.tenantShareFull(label, own);
        }
      }
      if (tenant == null) {
        tenant = new TenantCount(tenantId);
        tenants.put(tenantId, tenant);
      }
      job = new Job(tenant, request, listener);
      if (startNow) {
        waiting.started(tenantId, userId);
        start(job, notifications);
      } else {
        job.queuedAt = System.nanoTime();
        job.deadline = job.queuedAt + limits.maxWait().toNanos();
        waiting.add(job, tenantId, userId);
        tenant.waiting++;
        positions(notifications);
      }
    }
    notifications.forEach(Runnable::run);
    return job;
  }

  public int queued() {
    synchronized (lock) {
      return waiting.size();
    }
  }

  public int active() {
    synchronized (lock) {
      return running.size();
    }
  }

  public String label() {
    return label;
  }

  /** What the lane measured: throughput, waits, and the backend's own batches. */
  public LaneMetrics metrics() {
    long now = System.nanoTime();
    return new LaneMetrics(
        meter.piecesPerSecond(now),
        meter.totalPieces(),
        meter.waitMillis(0.5),
        meter.waitMillis(0.95),
        model.batchSizeCounts());
  }

  /** Must hold the lock. */
  private void start(Job job, List<Runnable> notifications) {
    running.add(job);
    job.tenant.running++;
    if (job.queuedAt != 0) {
      meter.waited(System.nanoTime() - job.queuedAt);
    }
    job.dispatched = true;
    job.deadline = System.nanoTime() + limits.maxGeneration().toNanos();
    notifications.add(
        () -> {
          try {
            executor.execute(job::run);
          } catch (RejectedExecutionException e) {
            finish(
                job, GenerationOutcome.failed(RuleMessage.of("inference.lane.no-thread", label)));
          }
        });
  }

  /**
   * Must hold the lock: tells every waiting job whose place changed. Notifications run on several
   * threads, so each carries a version and a job never hears an older place after a newer one.
   */
  private void positions(List<Runnable> notifications) {
    long version = ++positionVersion;
    waiting
        .places()
        .forEach(
            (job, p) -> {
              if (job.position != p) {
                job.position = p;
                notifications.add(() -> job.tellPosition(p, version));
              }
            });
  }

  /** Must hold the lock: the next job to start, taken out of the queue, or null. */
  private Job nextInTurn() {
    Job next = waiting.poll();
    if (next != null) {
      next.tenant.waiting--;
    }
    return next;
  }

  /** Must hold the lock: takes a waiting job out of the queue; false when it was not waiting. */
  private boolean withdraw(Job job) {
    if (!waiting.remove(job)) {
      return false;
    }
    job.tenant.waiting--;
    forgetIfIdle(job.tenant);
    return true;
  }

  /** Must hold the lock. */
  private void forgetIfIdle(TenantCount tenant) {
    if (tenant.waiting == 0 && tenant.running == 0) {
      tenants.remove(tenant.tenantId);
    }
  }

  private void finish(Job job, GenerationOutcome outcome) {
    List<Runnable> notifications = new ArrayList<>();
    synchronized (lock) {
      if (job.done) {
        return;
      }
      job.done = true;
      if (running.remove(job)) {
        job.tenant.running--;
        Job next = nextInTurn();
        if (next != null) {
          start(next, notifications);
        }
        forgetIfIdle(job.tenant);
      } else {
        withdraw(job);
      }
      positions(notifications);
    }
    job.listener.finished(outcome);
    notifications.forEach(Runnable::run);
  }

  /**
   * Fails the questions that waited longer than the lane allows and cuts off the generations that
   * ran longer; cheap enough to call every second (one pass over the jobs of this lane).
   */
  public void expireOverdue() {
    long now = System.nanoTime();
    List<Job> waitedTooLong = new ArrayList<>();
    List<Job> ranTooLong = new ArrayList<>();
    List<Runnable> notifications = new ArrayList<>();
    synchronized (lock) {
      // removed here, under the lock, so none of them can be started by a finishing answer first
      waiting.places().keySet().stream()
          .filter(j -> now - j.deadline > 0)
          .forEach(waitedTooLong::add);
      waitedTooLong.forEach(
          job -> {
            withdraw(job);
            job.done = true;
          });
      if (!waitedTooLong.isEmpty()) {
        positions(notifications);
      }
      running.stream().filter(j -> now - j.deadline > 0).forEach(ranTooLong::add);
    }
    GenerationOutcome noSlot =
        GenerationOutcome.failed(
            RuleMessage.of("inference.lane.no-slot", label, limits.maxWait().toSeconds()));
    waitedTooLong.forEach(job -> job.listener.finished(noSlot));
    notifications.forEach(Runnable::run);
    ranTooLong.forEach(Job::timeOut);
  }

  /** How many questions of one tenant wait and run here (its share of the queue is checked). */
  private static final class TenantCount {
    final long tenantId;
    int waiting;
    int running;

    TenantCount(long tenantId) {
      this.tenantId = tenantId;
    }
  }

  private final class Job implements Generation {
    final TenantCount tenant;
    final ChatRequest request;
    final GenerationListener listener;
    final Cancellation cancellation = new Cancellation();
    int position;

    /** {@link System#nanoTime()} by which it must have started (waiting) or ended (running). */
    long deadline;

    /** When it began to wait ({@link System#nanoTime()}); 0 when it started at once. */
    long queuedAt;

    private long toldVersion;
    volatile boolean dispatched;
    volatile boolean done;

    Job(TenantCount tenant, ChatRequest request, GenerationListener listener) {
      this.tenant = tenant;
      this.request = request;
      this.listener = listener;
    }

    synchronized void tellPosition(int p, long version) {
      if (version > toldVersion && !dispatched && !done) {
        toldVersion = version;
        listener.queued(p);
      }
    }

    /**
     * Finishes first, on the caller's thread, then tells the backend: so the caller knows the
     * outcome is recorded when this returns, rather than racing the generating thread for it.
     */
    @Override
    public void cancel() {
      finish(this, GenerationOutcome.of(Kind.STOPPED));
      cancellation.cancel();
    }

    void run() {
      if (done) {
        return;
      }
      GenerationOutcome outcome;
      try {
        listener.started();
        Completion completion =
            model.generate(
                request,
                piece -> {
                  meter.piece(System.nanoTime());
                  if (!done) {
                    listener.text(piece);
                  }
                },
                cancellation);
        outcome =
            switch (completion.reason()) {
              case STOP -> GenerationOutcome.of(Kind.COMPLETE);
              case LENGTH -> GenerationOutcome.of(Kind.TRUNCATED);
              case CANCELLED -> GenerationOutcome.of(Kind.STOPPED);
            };
      } catch (ChatModelException e) {
        outcome = GenerationOutcome.failed(ModelUnusable.reason(label, e));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, label + " failed unexpectedly", e);
        outcome =
            GenerationOutcome.failed(
                RuleMessage.of(
                    "inference.lane.unexpected", label, RuleMessage.verbatim(e.toString())));
      }
      finish(this, outcome);
    }

    void timeOut() {
      if (!done) {
        finish(
            this,
            GenerationOutcome.failed(
                RuleMessage.of(
                    "inference.lane.too-long", label, limits.maxGeneration().toSeconds())));
        cancellation.cancel(); // after finish, so the reason recorded is the timeout
      }
    }
  }
}
