package org.wenjin.governance.application;

import org.wenjin.governance.domain.Policy;
import org.wenjin.governance.domain.PolicyBounds;
import org.wenjin.governance.domain.PurgeReport;
import org.wenjin.governance.domain.UsageToday;

/** The current company's retention and quotas, as its tenant admin manages them. */
public interface GovernanceService {

  Policy policy();

  PolicyBounds bounds();

  /**
   * Saves a policy within the platform's bounds, effective at once (the next question, the next
   * purge); recorded in the audit trail with before and after.
   */
  Policy change(Policy policy);

  /** Purges by the current policy now, instead of at the next hourly run. */
  PurgeReport purgeNow();

  UsageToday today();
}
