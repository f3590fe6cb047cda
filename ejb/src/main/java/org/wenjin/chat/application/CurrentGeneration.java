package org.wenjin.chat.application;

import org.wenjin.inference.application.Generation;

/**
 * The generation an answer (or a dry run) is waiting on now, and whether it was stopped: a stop
 * cancels what runs, and a generation attached after the stop is cancelled as it arrives (a flow's
 * next call, a submit that returned late). Shared by the pool's and the caller's threads.
 */
final class CurrentGeneration {

  private Generation generation;
  private boolean cancelled;

  void attach(Generation next) {
    boolean stop;
    synchronized (this) {
      generation = next;
      stop = cancelled;
    }
    if (stop) {
      next.cancel();
    }
  }

  void cancel() {
    Generation running;
    synchronized (this) {
      cancelled = true;
      running = generation;
    }
    if (running != null) {
      running.cancel();
    }
  }

  synchronized boolean isCancelled() {
    return cancelled;
  }
}
