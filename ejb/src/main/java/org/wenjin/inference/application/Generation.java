package org.wenjin.inference.application;

/** A submitted generation. */
public interface Generation {

  /**
   * Stops it, waiting or running; its listener hears {@code STOPPED} before this returns and keeps
   * what was streamed.
   */
  void cancel();
}
