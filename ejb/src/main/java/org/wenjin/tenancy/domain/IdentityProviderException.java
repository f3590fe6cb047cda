package org.wenjin.tenancy.domain;

import jakarta.ejb.ApplicationException;

/**
 * Keycloak refused or could not be reached. The message is written for the person who clicked; the
 * transaction rolls back, so no half-done change stays in the app.
 */
@ApplicationException(rollback = true)
public class IdentityProviderException extends RuntimeException {

  public IdentityProviderException(String message) {
    super(message);
  }

  public IdentityProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
