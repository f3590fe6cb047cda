package org.wenjin.tenancy.domain;

import jakarta.ejb.ApplicationException;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/** A request that breaks a tenancy rule (duplicate alias, unknown tenant, bad input). */
@ApplicationException(rollback = true)
public class TenantRuleViolation extends RuntimeException implements Explained {

  private final RuleMessage explanation;

  private final boolean notFound;

  public TenantRuleViolation(RuleMessage explanation) {
    this(explanation, false);
  }

  private TenantRuleViolation(RuleMessage explanation, boolean notFound) {
    super(explanation.english());
    this.explanation = explanation;
    this.notFound = notFound;
  }

  /** Something the caller asked for does not exist for them (an API answers 404). */
  public static TenantRuleViolation notFound(RuleMessage explanation) {
    return new TenantRuleViolation(explanation, true);
  }

  public boolean isNotFound() {
    return notFound;
  }

  @Override
  public RuleMessage explanation() {
    return explanation;
  }
}
