package org.wenjin.chat.application;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wenjin.inference.application.GenerationListener;
import org.wenjin.inference.application.GenerationOutcome;
import org.wenjin.inference.application.InferencePool;
import org.wenjin.inference.application.ModelLane;
import org.wenjin.inference.application.PoolBusyException;
import org.wenjin.inference.spi.ChatModelException;
import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.persistence.tenancy.TenantScope;

/**
 * The answers being generated right now: hands each prepared turn to the pool, collects its text,
 * saves it when it ends (also when nobody watches any more), and stops it on request.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AnswerStreams {

  private static final Logger LOG = Logger.getLogger(AnswerStreams.class.getName());

  @Inject private InferencePool pool;

  @Inject private ChatService chat;

  private static final long SAVE_WAIT_SECONDS = 10;

  private final Map<Long, Running> running = new ConcurrentHashMap<>();

  /** What a watcher (a browser tab) hears about one answer; all calls come from pool threads. */
  @FunctionalInterface
  public interface Watcher {
    default void queued(int position) {}

    default void started() {}

    default void text(String piece) {}

    void finished(ChatTurn turn);
  }

  public void start(PreparedTurn turn, Watcher watcher) {
    Running answer = new Running(turn, watcher);
    running.put(turn.turnId(), answer);
    try {
      answer.attach(pool.submit(turn.modelId(), turn.tenantId(), turn.request(), answer));
    } catch (PoolBusyException | ChatModelException e) {
      answer.finished(GenerationOutcome.failed(e.getMessage()));
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
    }
  }

  /** Stops every answer in a conversation (before it is edited, cleared or deleted). */
  public void stopConversation(long conversationId) {
    List<Running> stopping =
        running.values().stream().filter(r -> r.turn.conversationId() == conversationId).toList();
    stopping.forEach(Running::cancel);
    stopping.forEach(Running::awaitSaved);
  }

  private final class Running implements GenerationListener {
    private final PreparedTurn turn;
    private final Watcher watcher;
    private final StringBuilder text = new StringBuilder();
    private final CountDownLatch saved = new CountDownLatch(1);
    private ModelLane.Ticket ticket;
    private boolean cancelled;

    Running(PreparedTurn turn, Watcher watcher) {
      this.turn = turn;
      this.watcher = watcher;
    }

    synchronized void attach(ModelLane.Ticket ticket) {
      this.ticket = ticket;
      if (cancelled) {
        ticket.cancel();
      }
    }

    void cancel() {
      ModelLane.Ticket t;
      synchronized (this) {
        cancelled = true;
        t = ticket;
      }
      if (t != null) {
        t.cancel();
      }
    }

    @Override
    public void queued(int position) {
      tell(w -> w.queued(position));
    }

    @Override
    public void started() {
      tell(Watcher::started);
    }

    @Override
    public void text(String piece) {
      synchronized (this) {
        text.append(piece);
      }
      tell(w -> w.text(piece));
    }

    @Override
    public void finished(GenerationOutcome outcome) {
      String answer;
      synchronized (this) {
        answer = text.toString();
      }
      ChatTurn result;
      try {
        result =
            TenantScope.call(turn.tenantId(), () -> chat.finish(turn.turnId(), outcome, answer));
      } finally {
        running.remove(turn.turnId());
        saved.countDown();
      }
      if (result != null) {
        tell(w -> w.finished(result));
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

    /** A watcher that fails (closed tab) must not break the answer, which is saved anyway. */
    private void tell(Consumer<Watcher> event) {
      try {
        event.accept(watcher);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "A watcher of turn " + turn.turnId() + " went away", e);
      }
    }
  }
}
