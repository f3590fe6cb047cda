package org.wenjin.tenancy.application;

import jakarta.ejb.ApplicationException;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/**
 * Another request of the same user recorded their first sign-in a moment earlier; the rows exist
 * now, so the caller reads them and goes on. Rolls back only the losing insert.
 */
@ApplicationException(rollback = true)
public class ConcurrentSignIn extends RuntimeException implements Explained {

  private static final RuleMessage EXPLANATION = RuleMessage.of("tenancy.sign-in.concurrent");

  public ConcurrentSignIn(Throwable cause) {
    super(EXPLANATION.english(), cause);
  }

  @Override
  public RuleMessage explanation() {
    return EXPLANATION;
  }
}
