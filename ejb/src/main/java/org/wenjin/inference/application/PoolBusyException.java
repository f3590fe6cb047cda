package org.wenjin.inference.application;

import jakarta.ejb.ApplicationException;

/** The model's queue is full: the caller should try again a little later. */
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
}
