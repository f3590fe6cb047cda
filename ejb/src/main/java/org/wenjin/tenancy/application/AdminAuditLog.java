package org.wenjin.tenancy.application;

/**
 * Where tenancy's administrative actions are recorded, in the transaction of the action. The audit
 * context implements it (it reads tenancy's caller; tenancy never reads the audit).
 */
public interface AdminAuditLog {

  /**
   * @param tenantId the company the action concerns
   */
  void record(String actor, long tenantId, String action, String detail);
}
