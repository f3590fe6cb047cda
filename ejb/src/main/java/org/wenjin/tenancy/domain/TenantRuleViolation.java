package org.wenjin.tenancy.domain;

import jakarta.ejb.ApplicationException;

/** A request that breaks a tenancy rule (duplicate alias, unknown tenant, bad input). */
@ApplicationException(rollback = true)
public class TenantRuleViolation extends RuntimeException {

  private final boolean notFound;

  public TenantRuleViolation(String message) {
    this(message, false);
  }

  private TenantRuleViolation(String message, boolean notFound) {
    super(message);
    this.notFound = notFound;
  }

  /** Something the caller asked for does not exist for them (an API answers 404). */
  public static TenantRuleViolation notFound(String message) {
    return new TenantRuleViolation(message, true);
  }

  public boolean isNotFound() {
    return notFound;
  }
}
