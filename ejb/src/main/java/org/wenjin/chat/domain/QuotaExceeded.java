package org.wenjin.chat.domain;

import jakarta.ejb.ApplicationException;

/** A question refused by a quota: says which, and when asking again can work. */
@ApplicationException(rollback = true)
public class QuotaExceeded extends RuntimeException {

  private final long retryAfterSeconds;

  public QuotaExceeded(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
