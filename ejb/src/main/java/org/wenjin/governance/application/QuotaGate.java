package org.wenjin.governance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.wenjin.chat.application.Quotas;
import org.wenjin.chat.domain.QuotaExceeded;
import org.wenjin.governance.domain.GovernanceStore;
import org.wenjin.governance.domain.MinuteWindows;
import org.wenjin.governance.domain.Policy;
import org.wenjin.knowledge.application.EmbeddingQuotas;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.application.ActingCaller;

/**
 * The company's quotas in the answer use case. Questions per minute are counted in this node's
 * memory (like the API's rate limit: per node, docs/operations.md); tokens per day in the database,
 * so they hold across nodes and restarts. A question is refused before anything is written; tokens
 * count when its answer ends, so the answer that crosses the daily limit finishes and the next
 * question is refused. An API client's embeddings count their tokens toward the same daily limits
 * (not as questions).
 */
@ApplicationScoped
public class QuotaGate implements Quotas, EmbeddingQuotas {

  private final Clock clock = Clock.systemUTC();

  private final MinuteWindows minutes = new MinuteWindows();

  @Inject private GovernanceStore store;

  @Override
  public void admit(ActingCaller caller) {
    Policy policy = store.policy();
    dailyTokens(policy, caller);
    long now = clock.millis();
    String user = caller.tenantId() + "/" + caller.userId();
    if (policy.userQuestionsPerMinute() != null) {
      long wait = minutes.tryAcquire(user, policy.userQuestionsPerMinute(), now);
      if (wait > 0) {
        throw new QuotaExceeded(
            RuleMessage.of(
                "quota.user.questions-per-minute", policy.userQuestionsPerMinute(), wait),
            wait);
      }
    }
    if (policy.companyQuestionsPerMinute() != null) {
      long wait =
          minutes.tryAcquire(
              String.valueOf(caller.tenantId()), policy.companyQuestionsPerMinute(), now);
      if (wait > 0) {
        if (policy.userQuestionsPerMinute() != null) {
          minutes.release(user, now);
        }
        throw new QuotaExceeded(
            RuleMessage.of(
                "quota.company.questions-per-minute", policy.companyQuestionsPerMinute(), wait),
            wait);
      }
    }
  }

  @Override
  public void refund(ActingCaller caller) {
    Policy policy = store.policy();
    long now = clock.millis();
    if (policy.userQuestionsPerMinute() != null) {
      minutes.release(caller.tenantId() + "/" + caller.userId(), now);
    }
    if (policy.companyQuestionsPerMinute() != null) {
      minutes.release(String.valueOf(caller.tenantId()), now);
    }
  }

  @Override
  public void used(long tenantId, long userId, long tokens) {
    LocalDate today = LocalDate.now(clock);
    store.use(tenantId, userId, today, 1, tokens);
    store.use(tenantId, 0, today, 1, tokens);
  }

  @Override
  public void admitTokens(ActingCaller caller) {
    dailyTokens(store.policy(), caller);
  }

  @Override
  public void usedTokens(long tenantId, long userId, long tokens) {
    LocalDate today = LocalDate.now(clock);
    store.use(tenantId, userId, today, 0, tokens);
    store.use(tenantId, 0, today, 0, tokens);
  }

  /** The caller's and their company's tokens of the day, under {@code policy}. */
  private void dailyTokens(Policy policy, ActingCaller caller) {
    LocalDate today = LocalDate.now(clock);
    dailyTokens(policy.userTokensPerDay(), caller.tenantId(), caller.userId(), today);
    dailyTokens(policy.companyTokensPerDay(), caller.tenantId(), 0, today);
  }

  /** The user's daily tokens, or with {@code userId} 0 the company's. */
  private void dailyTokens(Long limit, long tenantId, long userId, LocalDate day) {
    if (limit == null) {
      return;
    }
    long used = store.used(tenantId, userId, day)[1];
    if (used >= limit) {
      long untilMidnight =
          Duration.between(
                  clock.instant(), day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
              .toSeconds();
      throw new QuotaExceeded(
          userId == 0
              ? RuleMessage.of("quota.company.tokens-per-day", used, limit)
              : RuleMessage.of("quota.user.tokens-per-day", used, limit),
          untilMidnight);
    }
  }
}
