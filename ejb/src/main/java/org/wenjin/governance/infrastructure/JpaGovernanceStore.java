package org.wenjin.governance.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wenjin.governance.domain.GovernanceStore;
import org.wenjin.governance.domain.Policy;
import org.wenjin.persistence.governance.TenantPolicy;
import org.wenjin.platform.cluster.ScheduledRuns;

/**
 * JPA for the policy (tenant-filtered by {@code @TenantId}); native SQL, naming the company, for
 * the ledger and the job guard, which a background job and the answer's end use across companies.
 */
@ApplicationScoped
public class JpaGovernanceStore implements GovernanceStore {

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Inject private SeparateCommits separately;

  @Inject private ScheduledRuns scheduledRuns;

  @Override
  public Policy policy() {
    return row().map(JpaGovernanceStore::policy).orElse(Policy.NONE);
  }

  @Override
  public void save(Policy p) {
    TenantPolicy row =
        row()
            .orElseGet(
                () -> {
                  TenantPolicy fresh = new TenantPolicy(null, null);
                  em.persist(fresh);
                  return fresh;
                });
    row.retain(p.conversationDays(), p.auditDays());
    row.limit(
        p.userQuestionsPerMinute(),
        p.companyQuestionsPerMinute(),
        p.userTokensPerDay(),
        p.companyTokensPerDay());
  }

  @Override
  public List<Long> companiesRetaining() {
    // native on purpose: the job spans every company, like the ingestion queue
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "select tenant_id from tenant_policy"
                    + " where conversation_days is not null or audit_days is not null"
                    + " order by tenant_id")
            .getResultList();
    return ids.stream().map(Number::longValue).toList();
  }

  @Override
  public void use(long tenantId, long userId, LocalDate day, long questions, long tokens) {
    if (add(tenantId, userId, day, questions, tokens) == 0) {
      separately.createUsageRow(tenantId, userId, day);
      add(tenantId, userId, day, questions, tokens);
    }
  }

  private int add(long tenantId, long userId, LocalDate day, long questions, long tokens) {
    return em.createNativeQuery(
            "update usage_day set questions = questions + ?1, tokens = tokens + ?2"
                + " where tenant_id = ?3 and user_id = ?4 and usage_date = ?5")
        .setParameter(1, questions)
        .setParameter(2, tokens)
        .setParameter(3, tenantId)
        .setParameter(4, userId)
        .setParameter(5, day)
        .executeUpdate();
  }

  @Override
  public long[] used(long tenantId, long userId, LocalDate day) {
    List<?> rows =
        em.createNativeQuery(
                "select questions, tokens from usage_day"
                    + " where tenant_id = ?1 and user_id = ?2 and usage_date = ?3")
            .setParameter(1, tenantId)
            .setParameter(2, userId)
            .setParameter(3, day)
            .getResultList();
    if (rows.isEmpty()) {
      return new long[] {0, 0};
    }
    Object[] row = (Object[]) rows.get(0);
    return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
  }

  @Override
  public boolean claim(String job, Instant now, Duration every) {
    return scheduledRuns.claim(job, now, every);
  }

  private java.util.Optional<TenantPolicy> row() {
    return em.createQuery("select p from TenantPolicy p", TenantPolicy.class)
        .getResultStream()
        .findFirst();
  }

  private static Policy policy(TenantPolicy p) {
    return new Policy(
        p.getConversationDays(),
        p.getAuditDays(),
        p.getUserQuestionsPerMinute(),
        p.getCompanyQuestionsPerMinute(),
        p.getUserTokensPerDay(),
        p.getCompanyTokensPerDay());
  }
}
