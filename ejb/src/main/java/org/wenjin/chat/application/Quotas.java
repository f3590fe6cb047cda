package org.wenjin.chat.application;

import org.wenjin.tenancy.application.ActingCaller;

/**
 * The company's quotas as the answer use case sees them: asked before a question is taken, told
 * what each answer cost. Implemented by the governance context, which owns the policy.
 */
public interface Quotas {

  /**
   * @throws org.wenjin.chat.domain.QuotaExceeded when the caller or their company has used up a
   *     quota; nothing was written
   */
  void admit(ActingCaller caller);

  /**
   * Gives back what {@link #admit} counted for a question that was then refused for another reason
   * (no question, an unknown model, a conversation that is not the caller's): only questions taken
   * count toward the per-minute limits.
   */
  void refund(ActingCaller caller);

  /** Counts one answered question and its tokens (prompt estimate plus generated) for today. */
  void used(long tenantId, long userId, long tokens);
}
