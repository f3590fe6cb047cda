package org.wenjin.tenancy.domain;

import jakarta.ejb.ApplicationException;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/**
 * Keycloak refused or could not be reached. The message is written for the person who clicked; the
 * transaction rolls back, so no half-done change stays in the app.
 */
@ApplicationException(rollback = true)
public class IdentityProviderException extends RuntimeException implements Explained {

  private final RuleMessage explanation;

  public IdentityProviderException(RuleMessage explanation) {
    this(explanation, null);
  }

  public IdentityProviderException(RuleMessage explanation, Throwable cause) {
    super(explanation.english(), cause);
    this.explanation = explanation;
  }

  @Override
  public RuleMessage explanation() {
    return explanation;
  }
}
