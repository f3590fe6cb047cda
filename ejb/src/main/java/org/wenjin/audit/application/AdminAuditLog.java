package org.wenjin.audit.application;

/** Records administrative actions, in the same transaction as the action itself. */
public interface AdminAuditLog {

  /**
   * @param tenantId the tenant the action concerns, or {@code null} for platform-wide actions
   */
  void record(String actor, Long tenantId, String action, String detail);
}
