package org.wenjin.knowledge.domain;

import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/** A document that cannot be indexed as it is; retrying will not help. */
public class UnreadableDocumentException extends RuntimeException implements Explained {

  private final RuleMessage explanation;

  public UnreadableDocumentException(RuleMessage explanation) {
    this(explanation, null);
  }

  public UnreadableDocumentException(RuleMessage explanation, Throwable cause) {
    super(explanation.english(), cause);
    this.explanation = explanation;
  }

  @Override
  public RuleMessage explanation() {
    return explanation;
  }
}
