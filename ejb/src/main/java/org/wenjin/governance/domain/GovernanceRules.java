package org.wenjin.governance.domain;

import jakarta.ejb.ApplicationException;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/** A policy outside what the platform allows, or another rule broken: say which and why. */
@ApplicationException(rollback = true)
public class GovernanceRules extends RuntimeException implements Explained {

  private final RuleMessage explanation;

  public GovernanceRules(RuleMessage explanation) {
    super(explanation.english());
    this.explanation = explanation;
  }

  @Override
  public RuleMessage explanation() {
    return explanation;
  }
}
