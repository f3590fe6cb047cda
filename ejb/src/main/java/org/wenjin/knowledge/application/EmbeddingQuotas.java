package org.wenjin.knowledge.application;

import org.wenjin.tenancy.application.ActingCaller;

/**
 * The company's daily token quotas as the embeddings of API clients see them: a request is refused
 * before anything is embedded when the caller or their company has used up the day's tokens, and
 * its tokens count toward them like an answer's (no question is counted). Implemented by the
 * governance context, which owns the policy.
 */
public interface EmbeddingQuotas {

  /**
   * @throws org.wenjin.chat.domain.QuotaExceeded when the caller or their company has used up its
   *     tokens of the day; nothing was embedded
   */
  void admitTokens(ActingCaller caller);

  /** Counts {@code tokens} for today, for the user and their company. */
  void usedTokens(long tenantId, long userId, long tokens);
}
