package org.wenjin.tenancy.application;

import jakarta.ejb.ApplicationException;

/**
 * Another request of the same user recorded their first sign-in a moment earlier; the rows exist
 * now, so the caller reads them and goes on. Rolls back only the losing insert.
 */
@ApplicationException(rollback = true)
public class ConcurrentSignIn extends RuntimeException {

  public ConcurrentSignIn(Throwable cause) {
    super("another request recorded the same sign-in first", cause);
  }
}
