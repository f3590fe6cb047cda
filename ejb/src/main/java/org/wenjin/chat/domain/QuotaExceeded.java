package org.wenjin.chat.domain;

import jakarta.ejb.ApplicationException;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/** A question refused by a quota: says which, and when asking again can work. */
@ApplicationException(rollback = true)
public class QuotaExceeded extends RuntimeException implements Explained {

  private final RuleMessage explanation;

  private final long retryAfterSeconds;

  public QuotaExceeded(RuleMessage explanation, long retryAfterSeconds) {
    super(explanation.english());
    this.explanation = explanation;
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public RuleMessage explanation() {
    return explanation;
  }
}
