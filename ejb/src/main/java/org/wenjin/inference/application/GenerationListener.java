package org.wenjin.inference.application;

/**
 * Follows one generation through the pool. Called from pool threads, never while the pool holds its
 * lock; {@link #finished} is called exactly once.
 */
public interface GenerationListener {

  /** Waiting; {@code position} 1 means next in line. */
  default void queued(int position) {}

  default void started() {}

  void text(String piece);

  void finished(GenerationOutcome outcome);
}
