package org.wenjin.tenancy.domain;

import jakarta.ejb.ApplicationException;

/** A request that breaks a tenancy rule (duplicate alias, unknown tenant, bad input). */
@ApplicationException(rollback = true)
public class TenantRuleViolation extends RuntimeException {

  public TenantRuleViolation(String message) {
    super(message);
  }
}
