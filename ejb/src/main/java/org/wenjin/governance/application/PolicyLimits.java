package org.wenjin.governance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenjin.governance.domain.PolicyBounds;

/** The platform operator's bounds on what a company may set (docs/operations.md). */
@ApplicationScoped
public class PolicyLimits {

  @Inject
  @ConfigProperty(name = "wenjin.governance.max-conversation-days", defaultValue = "3650")
  int maxConversationDays;

  @Inject
  @ConfigProperty(name = "wenjin.governance.min-audit-days", defaultValue = "365")
  int minAuditDays;

  @Inject
  @ConfigProperty(name = "wenjin.governance.max-questions-per-minute", defaultValue = "600")
  int maxQuestionsPerMinute;

  @Inject
  @ConfigProperty(name = "wenjin.governance.max-tokens-per-day", defaultValue = "100000000")
  long maxTokensPerDay;

  public PolicyBounds bounds() {
    return new PolicyBounds(
        maxConversationDays, minAuditDays, maxQuestionsPerMinute, maxTokensPerDay);
  }
}
