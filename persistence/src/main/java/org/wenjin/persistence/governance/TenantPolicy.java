package org.wenjin.persistence.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.wenjin.persistence.tenancy.TenantOwnedEntity;

/** How long a company keeps conversations and audit events, and its quotas; null: no limit. */
@Entity
@Table(name = "tenant_policy")
public class TenantPolicy extends TenantOwnedEntity {

  @Column(name = "conversation_days")
  private Integer conversationDays;

  @Column(name = "audit_days")
  private Integer auditDays;

  @Column(name = "user_questions_per_minute")
  private Integer userQuestionsPerMinute;

  @Column(name = "company_questions_per_minute")
  private Integer companyQuestionsPerMinute;

  @Column(name = "user_tokens_per_day")
  private Long userTokensPerDay;

  @Column(name = "company_tokens_per_day")
  private Long companyTokensPerDay;

  @Version private long version;

  protected TenantPolicy() {}

  public TenantPolicy(Integer conversationDays, Integer auditDays) {
    retain(conversationDays, auditDays);
  }

  public final void retain(Integer conversationDays, Integer auditDays) {
    this.conversationDays = conversationDays;
    this.auditDays = auditDays;
  }

  public void limit(
      Integer userQuestionsPerMinute,
      Integer companyQuestionsPerMinute,
      Long userTokensPerDay,
      Long companyTokensPerDay) {
    this.userQuestionsPerMinute = userQuestionsPerMinute;
    this.companyQuestionsPerMinute = companyQuestionsPerMinute;
    this.userTokensPerDay = userTokensPerDay;
    this.companyTokensPerDay = companyTokensPerDay;
  }

  public Integer getConversationDays() {
    return conversationDays;
  }

  public Integer getAuditDays() {
    return auditDays;
  }

  public Integer getUserQuestionsPerMinute() {
    return userQuestionsPerMinute;
  }

  public Integer getCompanyQuestionsPerMinute() {
    return companyQuestionsPerMinute;
  }

  public Long getUserTokensPerDay() {
    return userTokensPerDay;
  }

  public Long getCompanyTokensPerDay() {
    return companyTokensPerDay;
  }
}
