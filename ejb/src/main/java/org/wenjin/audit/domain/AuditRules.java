package org.wenjin.audit.domain;

import jakarta.ejb.ApplicationException;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/** An audit request that breaks a rule (unknown event, bad filter): say why. */
@ApplicationException(rollback = true)
public class AuditRules extends RuntimeException implements Explained {

  private final RuleMessage explanation;

  private final boolean notFound;

  public AuditRules(RuleMessage explanation) {
    this(explanation, false);
  }

  private AuditRules(RuleMessage explanation, boolean notFound) {
    super(explanation.english());
    this.explanation = explanation;
    this.notFound = notFound;
  }

  /** Another company's event answers like one that does not exist. */
  public static AuditRules notFound() {
    return new AuditRules(RuleMessage.of("audit.event.not-found"), true);
  }

  public boolean isNotFound() {
    return notFound;
  }

  @Override
  public RuleMessage explanation() {
    return explanation;
  }
}
