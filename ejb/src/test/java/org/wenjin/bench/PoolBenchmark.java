package org.wenjin.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.Completion;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.inference.application.GenerationListener;
import org.wenjin.inference.application.GenerationOutcome;
import org.wenjin.inference.application.LaneLimits;
import org.wenjin.inference.application.ModelLane;

/**
 * Prints figures for the inference pool (not a test: run {@code bench/pool.sh}).
 *
 * <ol>
 *   <li>Overhead: a zero-latency scripted model (50 pieces, no delay); time from submit to the
 *       first piece and to completion, p50/p95, with 1 and 50 concurrent users.
 *   <li>Load: 200 concurrent requests on a model with 4 slots (20 pieces, 5 ms each): errors, lost
 *       messages, whether queue positions only moved forward, heap before and after.
 * </ol>
 */
public final class PoolBenchmark {

  private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();
  private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(1);

  public static void main(String[] args) throws Exception {
    ChatModel instant = scripted(50, 0);
    overhead(instant, 1, 2000);
    overhead(instant, 50, 100);
    load();
    EXECUTOR.shutdownNow();
    TIMER.shutdownNow();
  }

  private static void overhead(ChatModel model, int users, int requestsPerUser) throws Exception {
    ModelLane lane =
        new ModelLane(
            "instant",
            model,
            new LaneLimits(4, 10_000, Duration.ofMinutes(1), Duration.ofMinutes(1)),
            EXECUTOR);
    TIMER.scheduleWithFixedDelay(lane::expireOverdue, 1, 1, TimeUnit.SECONDS);
    for (int warm = 0; warm < 2000; warm++) {
      new Probe().run(lane, warm % 7);
    }
    List<Long> first = Collections.synchronizedList(new ArrayList<>());
    List<Long> done = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch finished = new CountDownLatch(users);
    for (int u = 0; u < users; u++) {
      long tenant = u % 7;
      EXECUTOR.execute(
          () -> {
            for (int r = 0; r < requestsPerUser; r++) {
              Probe probe = new Probe().run(lane, tenant);
              first.add(probe.firstNanos);
              done.add(probe.doneNanos);
            }
            finished.countDown();
          });
    }
    finished.await();
    System.out.printf(
        "overhead  %2d users x %4d requests: first piece p50 %6.1f us p95 %6.1f us | complete p50 %6.1f us p95 %6.1f us%n",
        users, requestsPerUser, pct(first, 50), pct(first, 95), pct(done, 50), pct(done, 95));
  }

  private static void load() throws Exception {
    ModelLane lane =
        new ModelLane(
            "slow",
            scripted(20, 5),
            new LaneLimits(4, 500, Duration.ofMinutes(2), Duration.ofMinutes(2)),
            EXECUTOR);
    TIMER.scheduleWithFixedDelay(lane::expireOverdue, 1, 1, TimeUnit.SECONDS);
    long heapBefore = heapAfterGc();
    int requests = 200;
    CountDownLatch done = new CountDownLatch(requests);
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger lost = new AtomicInteger();
    AtomicInteger notMonotone = new AtomicInteger();
    AtomicInteger maxPosition = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      lane.submit(
          i % 5,
          i % 7,
          request(),
          new GenerationListener() {
            final List<Integer> positions = new ArrayList<>();
            int pieces;

            @Override
            public synchronized void queued(int position) {
              if (!positions.isEmpty() && position > positions.get(positions.size() - 1)) {
                notMonotone.incrementAndGet();
              }
              positions.add(position);
              maxPosition.accumulateAndGet(position, Math::max);
            }

            @Override
            public synchronized void text(String piece) {
              pieces++;
            }

            @Override
            public synchronized void finished(GenerationOutcome outcome) {
              if (outcome.kind() != GenerationOutcome.Kind.COMPLETE) {
                errors.incrementAndGet();
              } else if (pieces != 20) {
                lost.incrementAndGet();
              }
              done.countDown();
            }
          });
    }
    boolean all = done.await(2, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    long heapAfter = heapAfterGc();
    System.out.printf(
        "load      200 requests, 4 slots, 5 tenants: all finished %s in %.2f s (ideal %.2f s), errors %d, lost messages %d, deepest queue %d, position increases %d, heap after GC %d -> %d MB%n",
        all,
        seconds,
        200 / 4 * 20 * 0.005,
        errors.get(),
        lost.get(),
        maxPosition.get(),
        notMonotone.get(),
        heapBefore >> 20,
        heapAfter >> 20);
  }

  private static long heapAfterGc() throws InterruptedException {
    System.gc();
    Thread.sleep(200);
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static double pct(List<Long> nanos, int p) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1000.0;
  }

  private static ChatRequest request() {
    return new ChatRequest(List.of(ChatMessage.user("q")), List.of(), GenerationOptions.defaults());
  }

  private static ChatModel scripted(int pieces, long delayMs) {
    return (request, sink, cancellation) -> {
      for (int i = 0; i < pieces; i++) {
        if (delayMs > 0) {
          try {
            Thread.sleep(delayMs);
          } catch (InterruptedException e) {
            return new Completion(Completion.FinishReason.CANCELLED, i);
          }
        }
        sink.accept("tok ");
      }
      return new Completion(Completion.FinishReason.STOP, pieces);
    };
  }

  /** One request, timed from submit to first piece and to completion. */
  private static final class Probe implements GenerationListener {
    private final long start = System.nanoTime();
    private final CountDownLatch done = new CountDownLatch(1);
    volatile long firstNanos = -1;
    volatile long doneNanos;

    Probe run(ModelLane lane, long tenant) {
      lane.submit(tenant, tenant, request(), this);
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return this;
    }

    @Override
    public void text(String piece) {
      if (firstNanos < 0) {
        firstNanos = System.nanoTime() - start;
      }
    }

    @Override
    public void finished(GenerationOutcome outcome) {
      doneNanos = System.nanoTime() - start;
      done.countDown();
    }
  }
}
