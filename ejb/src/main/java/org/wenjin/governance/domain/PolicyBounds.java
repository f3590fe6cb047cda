package org.wenjin.governance.domain;

/**
 * What the platform operator lets a company choose (configuration, {@code wenjin.governance.*}):
 * conversations kept 1 to {@code maxConversationDays} days, audit events at least {@code
 * minAuditDays} days, quotas up to the maxima.
 */
public record PolicyBounds(
    int maxConversationDays, int minAuditDays, int maxQuestionsPerMinute, long maxTokensPerDay) {

  /**
   * @throws GovernanceRules naming the first value out of bounds
   */
  public Policy check(Policy p) {
    range("Conversations are kept", p.conversationDays(), 1, maxConversationDays, "days");
    range("Audit events are kept", p.auditDays(), minAuditDays, 36_500, "days");
    range("Questions per user", p.userQuestionsPerMinute(), 1, maxQuestionsPerMinute, "a minute");
    range(
        "Questions per company",
        p.companyQuestionsPerMinute(),
        1,
        maxQuestionsPerMinute,
        "a minute");
    range("Tokens per user", p.userTokensPerDay(), 1, maxTokensPerDay, "a day");
    range("Tokens per company", p.companyTokensPerDay(), 1, maxTokensPerDay, "a day");
    return p;
  }

  private static void range(String what, Number value, long min, long max, String unit) {
    if (value != null && (value.longValue() < min || value.longValue() > max)) {
      throw new GovernanceRules(
          what
              + " "
              + min
              + " to "
              + max
              + " "
              + unit
              + " (or leave it empty for no limit), not "
              + value
              + ".");
    }
  }
}
