package org.wenjin.governance.domain;

import java.io.Serializable;

/**
 * A company's retention and quotas; each null means "no limit" (keep for ever, ask freely).
 *
 * @param conversationDays conversations not used for this many days are deleted
 * @param auditDays audit events older than this are deleted (default: kept)
 */
public record Policy(
    Integer conversationDays,
    Integer auditDays,
    Integer userQuestionsPerMinute,
    Integer companyQuestionsPerMinute,
    Long userTokensPerDay,
    Long companyTokensPerDay)
    implements Serializable {

  public static final Policy NONE = new Policy(null, null, null, null, null, null);

  public boolean retains() {
    return conversationDays != null || auditDays != null;
  }
}
