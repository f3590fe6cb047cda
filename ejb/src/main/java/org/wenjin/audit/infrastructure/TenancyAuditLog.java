package org.wenjin.audit.infrastructure;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.tenancy.application.AdminAuditLog;

/** Tenancy's administrative actions (tenant created, member added, ...) into the audit trail. */
@ApplicationScoped
public class TenancyAuditLog implements AdminAuditLog {

  @Inject private AuditLog audit;

  @Override
  public void record(String actor, long tenantId, String action, String detail) {
    audit.action(tenantId, actor, action, JSON.createObjectBuilder().add("detail", detail).build());
  }
}
