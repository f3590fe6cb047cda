package org.wenjin.chat.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wenjin.chat.domain.StreamingAnswers;
import org.wenjin.chat.interfaces.AnswerListener;
import org.wenjin.chat.interfaces.AnswerUsage;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.TokenEstimate;
import org.wenjin.inference.application.Generation;
import org.wenjin.inference.application.GenerationOutcome;
import org.wenjin.inference.application.GenerationService;
import org.wenjin.inference.application.ModelUnusable;
import org.wenjin.inference.application.PoolBusyException;
import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.persistence.tenancy.TenantScope;
import org.wenjin.platform.cluster.ClusterNode;
import org.wenjin.platform.cluster.NodeHeartbeat;
import org.wenjin.platform.text.RuleMessage;

/**
 * The answers being generated right now on this node: hands each prepared turn to inference,
 * collects its text, saves it when it ends (also when nobody listens any more), and stops it on
 * request — also when the request reached another node of the group, which hands it over through
 * the database ({@link StreamingAnswers}; this node looks for such stops while it has answers
 * running). An answer is in {@code running} exactly while it is generated, so nothing here outlives
 * its answer.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AnswerStreams {

  private static final Logger LOG = Logger.getLogger(AnswerStreams.class.getName());

  @Inject private GenerationService generations;

  @Inject private TurnService turns;

  @Inject private TurnDtos dtos;

  @Inject private KnowledgeGrounding grounding;

  @Inject private StreamingAnswers elsewhere;

  @Inject private ClusterNode node;

  /** Where a flow's next step starts after a model call (not on the pool's thread). */
  @Resource private ManagedExecutorService continuations;

  @Resource private ManagedScheduledExecutorService timer;

  /** How often this node looks for stops that reached another node, while it writes answers. */
  private static final long STOP_POLL_MILLIS = 250;

  private ScheduledFuture<?> stopPoll;

  private static final long SAVE_WAIT_SECONDS = 30;

  /**
   * How long a stop waits for another node: past the time after which a silent node is gone, so the
   * answer of a node that died just now ends interrupted within the wait.
   */
  private static final long REMOTE_STOP_WAIT_SECONDS = NodeHeartbeat.GONE_AFTER.toSeconds() + 10;

  /** A turn this node should write but does not run is abandoned after this (not just asked). */
  private static final int ABANDONED_AFTER_SECONDS = 10;

  private static final int SAVE_ATTEMPTS = 3;

  private final Map<Long, Running> running = new ConcurrentHashMap<>();

  @PostConstruct
  void pollStops() {
    stopPoll =
        timer.scheduleWithFixedDelay(
            this::stopWhatOthersWereAsked,
            STOP_POLL_MILLIS,
            STOP_POLL_MILLIS,
            TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void endPolling() {
    if (stopPoll != null) {
      stopPoll.cancel(false);
    }
  }

  private void stopWhatOthersWereAsked() {
    if (running.isEmpty()) {
      return; // nothing to stop: no query
    }
    try {
      for (long turnId : elsewhere.stopsRequestedOf(node.name())) {
        Running answer = running.get(turnId);
        if (answer != null) {
          answer.cancel(); // it saves its text, marked stopped, as a local stop does
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Looking for stops from other nodes failed; trying again", e);
    }
  }

  /**
   * Starts answering {@code turn} (through its flow's steps when it has one); {@code listener}
   * hears it from pool threads.
   */
  public void start(PreparedTurn turn, AnswerListener listener) {
    Running answer = new Running(turn, listener);
    running.put(turn.turnId(), answer);
    if (answer.flow != null) {
      answer.flow.start();
      return;
    }
    try {
      answer.attach(
          generations.submit(
              turn.modelId(), turn.tenantId(), turn.userId(), turn.request(), answer));
    } catch (PoolBusyException e) {
      answer.finished(GenerationOutcome.failed(e.explanation()));
    } catch (ChatModelException e) {
      answer.finished(GenerationOutcome.failed(ModelUnusable.reason(turn.modelId(), e)));
    }
  }

  public boolean isRunning(long turnId) {
    return running.containsKey(turnId);
  }

  /**
   * Stops the answer to {@code turnId} and returns once its partial text is saved; the caller has
   * checked that it is theirs.
   */
  public void stop(long turnId) {
    Running answer = running.get(turnId);
    if (answer != null) {
      answer.cancel();
      answer.awaitSaved();
      return;
    }
    List<Long> elsewhereNow = elsewhere.requestStopOfTurn(turnId, node.name());
    if (elsewhereNow.isEmpty()) {
      // ours by the database but not running here: its end could not be saved; say so
      elsewhere.interruptAbandoned(
          turnId, node.name(), Instant.now().minusSeconds(ABANDONED_AFTER_SECONDS));
    }
    awaitStoppedElsewhere(elsewhereNow);
  }

  /** Stops every answer in a conversation (before it is edited, cleared or deleted). */
  public void stopConversation(long conversationId) {
    List<Running> stopping =
        running.values().stream().filter(r -> r.turn.conversationId() == conversationId).toList();
    stopping.forEach(Running::cancel);
    stopping.forEach(Running::awaitSaved);
    awaitStoppedElsewhere(elsewhere.requestStopOfConversation(conversationId, node.name()));
  }

  /**
   * Waits until the nodes writing {@code turnIds} have saved them stopped (they poll for it); an
   * answer whose node falls silent meanwhile is marked interrupted instead.
   */
  private void awaitStoppedElsewhere(List<Long> turnIds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REMOTE_STOP_WAIT_SECONDS);
    int silent = (int) NodeHeartbeat.GONE_AFTER.toSeconds();
    List<Long> left = elsewhere.awaitingStop(turnIds, silent);
    while (!left.isEmpty()) {
      if (System.nanoTime() > deadline) {
        List<Long> late = left;
        LOG.warning(() -> "Turns " + late + " were not stopped by their node within the wait");
        return;
      }
      try {
        Thread.sleep(STOP_POLL_MILLIS / 2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      left = elsewhere.awaitingStop(left, silent);
    }
  }

  private final class Running implements FlowRun.Target {
    private final PreparedTurn turn;
    private final AnswerListener listener;
    private final FlowRun flow;
    private final StringBuilder text = new StringBuilder();
    private final CountDownLatch saved = new CountDownLatch(1);
    private final long askedNanos = System.nanoTime();
    private long startedNanos = -1;
    private long firstPieceNanos = -1;
    private int pieces;
    private final CurrentGeneration current = new CurrentGeneration();

    Running(PreparedTurn turn, AnswerListener listener) {
      this.turn = turn;
      this.listener = listener;
      this.flow =
          turn.flow() == null
              ? null
              : new FlowRun(turn, this, generations, grounding, continuations);
    }

    @Override
    public void attach(Generation generation) {
      current.attach(generation);
    }

    @Override
    public boolean isCancelled() {
      return current.isCancelled();
    }

    @Override
    public void step(int number, int total, RuleMessage label) {
      tell(w -> w.step(number, total, label));
    }

    void cancel() {
      current.cancel();
    }

    @Override
    public void queued(int position) {
      tell(w -> w.queued(position));
    }

    @Override
    public void started() {
      synchronized (this) {
        startedNanos = System.nanoTime() - askedNanos;
      }
      tell(AnswerListener::started);
    }

    @Override
    public void text(String piece) {
      synchronized (this) {
        text.append(piece);
        if (pieces++ == 0) {
          firstPieceNanos = System.nanoTime() - askedNanos;
        }
      }
      tell(w -> w.text(piece));
    }

    @Override
    public void finished(GenerationOutcome outcome) {
      Answered answered;
      synchronized (this) {
        long total = System.nanoTime() - askedNanos;
        answered =
            new Answered(
                outcome,
                text.toString(),
                flow == null ? pieces : pieces + flow.stepPieces(),
                startedNanos < 0 ? total : startedNanos,
                firstPieceNanos,
                total,
                flow == null
                    ? TokenEstimate.of(turn.request().groundedMessages())
                    : flow.promptTokens(),
                flow == null ? null : flow.citationsJson(),
                flow == null ? null : flow.traceJson());
      }
      TurnDto result = null;
      try {
        result = TenantScope.call(turn.tenantId(), () -> save(answered));
      } catch (RuntimeException e) {
        // never into the model pool's thread: it would skip freeing the slot for the next answer
        LOG.log(Level.SEVERE, e, () -> "Turn " + turn.turnId() + " could not be saved");
      } finally {
        // only this answer: the turn may be asked again meanwhile (taken for gone, regenerated
        // here), and the new answer's entry must stay stoppable
        running.remove(turn.turnId(), this);
        saved.countDown();
      }
      if (result != null) {
        TurnDto done = result;
        AnswerUsage usage =
            new AnswerUsage(
                answered.promptTokens(),
                answered.pieces(),
                outcome.kind() == GenerationOutcome.Kind.TRUNCATED);
        tell(w -> w.finished(done, usage));
      }
    }

    /**
     * Saves the end of the answer with its audit record, again if the transaction failed (a lock
     * wait that timed out, a lost connection): finishing is idempotent, and an answer that is not
     * saved would be lost with its audit record.
     */
    private TurnDto save(Answered answered) {
      for (int attempt = 1; ; attempt++) {
        try {
          ChatTurn saved = turns.finish(turn, answered);
          return saved == null ? null : dtos.of(saved);
        } catch (jakarta.ejb.EJBException e) {
          if (attempt == SAVE_ATTEMPTS) {
            throw e;
          }
          int tried = attempt;
          LOG.log(Level.WARNING, e, () -> "Saving turn " + turn.turnId() + " failed, try " + tried);
          try {
            Thread.sleep(100L * attempt);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
          }
        }
      }
    }

    /** Waits (briefly) until the outcome is in the database, whichever thread records it. */
    void awaitSaved() {
      try {
        if (!saved.await(SAVE_WAIT_SECONDS, TimeUnit.SECONDS)) {
          LOG.warning(() -> "Turn " + turn.turnId() + " was not saved within the wait");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** A listener that fails (closed tab) must not break the answer, which is saved anyway. */
    private void tell(Consumer<AnswerListener> event) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "A listener of turn " + turn.turnId() + " went away", e);
      }
    }
  }
}
