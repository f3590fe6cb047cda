package org.wenjin.governance.domain;

import jakarta.ejb.ApplicationException;

/** A policy outside what the platform allows, or another rule broken: say which and why. */
@ApplicationException(rollback = true)
public class GovernanceRules extends RuntimeException {

  public GovernanceRules(String message) {
    super(message);
  }
}
