package org.wenjin.inference.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.wenjin.engine.spi.Cancellation;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.Completion;
import org.wenjin.inference.application.GenerationOutcome.Kind;

/**
 * Admission control for one shared model: at most {@code slots} generations at once, a bounded
 * queue ordered by start-time fair queuing across tenants (a tenant with many waiting questions
 * cannot starve another's), timeouts, and cancellation that frees the slot at once. Plain Java, so
 * the scheduling is unit-tested without a container; listeners are called outside the lock.
 *
 * <p>Timeouts are deadlines that {@link #expireOverdue()} checks (the pool calls it every second),
 * not a timer task per job: a cancelled task stays in a scheduled executor's queue, with the job,
 * its listener and the HTTP exchange behind it, until its delay has passed — minutes of every
 * finished answer kept alive under load (issue 20).
 */
public final class ModelLane {

  private final String label;
  private final ChatModel model;
  private final LaneLimits limits;
  private final Executor executor;

  private final Object lock = new Object();
  private final TreeSet<Job> waiting =
      new TreeSet<>(Comparator.comparingLong((Job j) -> j.startTag).thenComparingLong(j -> j.seq));
  private final Set<Job> running = new HashSet<>();
  private final Map<Long, Long> tenantFinishTags = new HashMap<>();
  private long virtualTime;
  private long sequence;
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
   * @throws PoolBusyException when the queue is full
   */
  public Generation submit(long tenantId, ChatRequest request, GenerationListener listener) {
    List<Runnable> notifications = new ArrayList<>();
    Job job;
    synchronized (lock) {
      boolean startNow = running.size() < limits.slots() && waiting.isEmpty();
      if (!startNow && waiting.size() >= limits.maxQueued()) {
        throw new PoolBusyException(label, waiting.size());
      }
      job = new Job(tenantId, request, listener, sequence++);
      job.startTag = Math.max(virtualTime, tenantFinishTags.getOrDefault(tenantId, 0L));
      tenantFinishTags.put(tenantId, job.startTag + 1);
      if (startNow) {
        start(job, notifications);
      } else {
        job.deadline = System.nanoTime() + limits.maxWait().toNanos();
        waiting.add(job);
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

  /** Must hold the lock. */
  private void start(Job job, List<Runnable> notifications) {
    running.add(job);
    job.dispatched = true;
    job.deadline = System.nanoTime() + limits.maxGeneration().toNanos();
    virtualTime = Math.max(virtualTime, job.startTag);
    notifications.add(
        () -> {
          try {
            executor.execute(job::run);
          } catch (RejectedExecutionException e) {
            finish(job, GenerationOutcome.failed("The server has no thread free for " + label));
          }
        });
  }

  /**
   * Must hold the lock: tells every waiting job whose place changed. Notifications run on several
   * threads, so each carries a version and a job never hears an older place after a newer one.
   */
  private void positions(List<Runnable> notifications) {
    long version = ++positionVersion;
    int position = 0;
    for (Job job : waiting) {
      int p = ++position;
      if (job.position != p) {
        job.position = p;
        notifications.add(() -> job.tellPosition(p, version));
      }
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
        Job next = waiting.pollFirst();
        if (next != null) {
          start(next, notifications);
        }
      } else {
        waiting.remove(job);
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
      waiting.stream().filter(j -> now - j.deadline > 0).forEach(waitedTooLong::add);
      waitedTooLong.forEach(
          job -> {
            waiting.remove(job);
            job.done = true;
          });
      if (!waitedTooLong.isEmpty()) {
        positions(notifications);
      }
      running.stream().filter(j -> now - j.deadline > 0).forEach(ranTooLong::add);
    }
    GenerationOutcome noSlot =
        GenerationOutcome.failed(
            "No free slot on "
                + label
                + " within "
                + limits.maxWait().toSeconds()
                + " s. Please try again later.");
    waitedTooLong.forEach(job -> job.listener.finished(noSlot));
    notifications.forEach(Runnable::run);
    ranTooLong.forEach(Job::timeOut);
  }

  private final class Job implements Generation {
    final long tenantId;
    final ChatRequest request;
    final GenerationListener listener;
    final long seq;
    final Cancellation cancellation = new Cancellation();
    long startTag;
    int position;

    /** {@link System#nanoTime()} by which it must have started (waiting) or ended (running). */
    long deadline;

    private long toldVersion;
    volatile boolean dispatched;
    volatile boolean done;

    Job(long tenantId, ChatRequest request, GenerationListener listener, long seq) {
      this.tenantId = tenantId;
      this.request = request;
      this.listener = listener;
      this.seq = seq;
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
        outcome = GenerationOutcome.failed(e.getMessage());
      } catch (RuntimeException e) {
        outcome = GenerationOutcome.failed(label + " failed unexpectedly: " + e);
      }
      finish(this, outcome);
    }

    void timeOut() {
      if (!done) {
        finish(
            this,
            GenerationOutcome.failed(
                label
                    + " took longer than "
                    + limits.maxGeneration().toSeconds()
                    + " s; the answer was cut off."));
        cancellation.cancel(); // after finish, so the reason recorded is the timeout
      }
    }
  }
}
