package org.wenjin.chat.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** A dry run's tokens, counted toward the company's quotas like an answer's when it ends. */
@Stateless
public class DryRunCosts {

  @Inject private Quotas quotas;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void charge(long tenantId, long userId, long tokens) {
    quotas.used(tenantId, userId, tokens);
  }
}
