package org.wenjin.knowledge.domain;

import jakarta.ejb.ApplicationException;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/** The search index cannot be reached or refused the request; trying later may work. */
@ApplicationException(rollback = true)
public class SearchUnavailableException extends RuntimeException implements Explained {

  private final RuleMessage explanation;

  public SearchUnavailableException(RuleMessage explanation, Throwable cause) {
    super(explanation.english(), cause);
    this.explanation = explanation;
  }

  @Override
  public RuleMessage explanation() {
    return explanation;
  }
}
