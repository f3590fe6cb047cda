package org.wenjin.inference.application;

import jakarta.ejb.ApplicationException;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/**
 * The model's queue is full, or the caller's company holds its whole share of it: the caller should
 * try again a little later.
 */
@ApplicationException(rollback = true)
public class PoolBusyException extends RuntimeException implements Explained {

  private final RuleMessage explanation;

  public PoolBusyException(String modelLabel, int queued) {
    this(RuleMessage.of("inference.pool.busy", modelLabel, queued));
  }

  private PoolBusyException(RuleMessage explanation) {
    super(explanation.english());
    this.explanation = explanation;
  }

  /** The tenant's own questions fill its share of the queue; other companies still get in. */
  static PoolBusyException tenantShareFull(String modelLabel, int waitingOfTenant) {
    return new PoolBusyException(
        RuleMessage.of("inference.pool.tenant-share-full", modelLabel, waitingOfTenant));
  }

  @Override
  public RuleMessage explanation() {
    return explanation;
  }
}
