package org.wenjin.governance.domain;

import org.wenjin.platform.text.RuleMessage;

/**
 * What the platform operator lets a company choose (configuration, {@code wenjin.governance.*}):
 * conversations kept 1 to {@code maxConversationDays} days, audit events at least {@code
 * minAuditDays} days, quotas up to the maxima.
 */
public record PolicyBounds(
    int maxConversationDays, int minAuditDays, int maxQuestionsPerMinute, long maxTokensPerDay) {

  private static final long MAX_AUDIT_DAYS = 36_500;

  /**
   * @throws GovernanceRules naming the first value out of bounds
   */
  public Policy check(Policy p) {
    Number value = p.conversationDays();
    if (outside(value, 1, maxConversationDays)) {
      throw new GovernanceRules(
          RuleMessage.of("governance.bounds.conversation-days", 1, maxConversationDays, value));
    }
    value = p.auditDays();
    if (outside(value, minAuditDays, MAX_AUDIT_DAYS)) {
      throw new GovernanceRules(
          RuleMessage.of("governance.bounds.audit-days", minAuditDays, MAX_AUDIT_DAYS, value));
    }
    value = p.userQuestionsPerMinute();
    if (outside(value, 1, maxQuestionsPerMinute)) {
      throw new GovernanceRules(
          RuleMessage.of(
              "governance.bounds.user-questions-per-minute", 1, maxQuestionsPerMinute, value));
    }
    value = p.companyQuestionsPerMinute();
    if (outside(value, 1, maxQuestionsPerMinute)) {
      throw new GovernanceRules(
          RuleMessage.of(
              "governance.bounds.company-questions-per-minute", 1, maxQuestionsPerMinute, value));
    }
    value = p.userTokensPerDay();
    if (outside(value, 1, maxTokensPerDay)) {
      throw new GovernanceRules(
          RuleMessage.of("governance.bounds.user-tokens-per-day", 1, maxTokensPerDay, value));
    }
    value = p.companyTokensPerDay();
    if (outside(value, 1, maxTokensPerDay)) {
      throw new GovernanceRules(
          RuleMessage.of("governance.bounds.company-tokens-per-day", 1, maxTokensPerDay, value));
    }
    return p;
  }

  private static boolean outside(Number value, long min, long max) {
    return value != null && (value.longValue() < min || value.longValue() > max);
  }
}
