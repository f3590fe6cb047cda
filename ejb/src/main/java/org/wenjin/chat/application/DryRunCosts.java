package org.wenjin.chat.application;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.wenjin.audit.application.AuditLog;

/**
 * What a dry run leaves behind, each in its own transaction (the run itself holds none): the audit
 * note that it ran, and its tokens, counted toward the quotas like an answer's when it ends.
 */
@Stateless
public class DryRunCosts {

  @Inject private Quotas quotas;

  @Inject private AuditLog audit;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void note(String flowId, String model, String question) {
    audit.action(
        "flow.dry-run",
        JSON.createObjectBuilder()
            .add("flow", flowId)
            .add("model", model)
            .add("question", question)
            .build());
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void charge(long tenantId, long userId, long tokens) {
    quotas.used(tenantId, userId, tokens);
  }
}
