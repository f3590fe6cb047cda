package org.wenjin.engine.spi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Asks a running generation to stop. Backends either poll {@link #isCancelled()} between tokens or
 * register an action (e.g. closing an HTTP stream) that runs the moment someone cancels.
 */
public final class Cancellation {

  private volatile boolean cancelled;
  private final List<Runnable> actions = new CopyOnWriteArrayList<>();

  public void cancel() {
    if (cancelled) {
      return;
    }
    cancelled = true;
    actions.forEach(Cancellation::runQuietly);
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Runs {@code action} on cancel, or at once when already cancelled. */
  public void onCancel(Runnable action) {
    actions.add(action);
    if (cancelled) {
      runQuietly(action);
    }
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException ignored) {
      // cancelling is best effort: the generation loop also checks the flag
    }
  }
}
