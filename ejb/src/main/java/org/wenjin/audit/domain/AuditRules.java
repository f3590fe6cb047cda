package org.wenjin.audit.domain;

import jakarta.ejb.ApplicationException;

/** An audit request that breaks a rule (unknown event, bad filter): say why. */
@ApplicationException(rollback = true)
public class AuditRules extends RuntimeException {

  private final boolean notFound;

  public AuditRules(String message) {
    this(message, false);
  }

  private AuditRules(String message, boolean notFound) {
    super(message);
    this.notFound = notFound;
  }

  /** Another company's event answers like one that does not exist. */
  public static AuditRules notFound() {
    return new AuditRules("This audit event does not exist in your company.", true);
  }

  public boolean isNotFound() {
    return notFound;
  }
}
