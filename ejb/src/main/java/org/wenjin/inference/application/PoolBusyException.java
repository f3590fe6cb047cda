package org.wenjin.inference.application;

import jakarta.ejb.ApplicationException;

/**
 * The model's queue is full, or the caller's company holds its whole share of it: the caller should
 * try again a little later.
 */
@ApplicationException(rollback = true)
public class PoolBusyException extends RuntimeException {

  public PoolBusyException(String modelLabel, int queued) {
    super(
        "The model "
            + modelLabel
            + " is busy ("
            + queued
            + " questions waiting). Please try again in a minute.");
  }

  private PoolBusyException(String message) {
    super(message);
  }

  /** The tenant's own questions fill its share of the queue; other companies still get in. */
  static PoolBusyException tenantShareFull(String modelLabel, int waitingOfTenant) {
    return new PoolBusyException(
        "The model "
            + modelLabel
            + " is busy (your company already has "
            + waitingOfTenant
            + " questions waiting). Please try again in a minute.");
  }
}
