package org.wenjin.knowledge.domain;

import jakarta.ejb.ApplicationException;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/** A knowledge request that breaks a rule (bad upload, empty query, unknown document): say why. */
@ApplicationException(rollback = true)
public class KnowledgeRules extends RuntimeException implements Explained {

  private final RuleMessage explanation;

  private final boolean notFound;

  public KnowledgeRules(RuleMessage explanation) {
    this(explanation, false);
  }

  /**
   * For callers outside the services whose words are not in the rules bundle (the REST resources):
   * the text is shown as it is, in every language.
   */
  public KnowledgeRules(String message) {
    this(RuleMessage.verbatim(message), false);
  }

  private KnowledgeRules(RuleMessage explanation, boolean notFound) {
    super(explanation.english());
    this.explanation = explanation;
    this.notFound = notFound;
  }

  /** Same answer for "does not exist" and "belongs to another company": existence is not leaked. */
  public static KnowledgeRules notFound() {
    return new KnowledgeRules(RuleMessage.of("knowledge.document.not-found"), true);
  }

  /** Something else the caller named that does not exist for them (a model, say). */
  public static KnowledgeRules notFound(RuleMessage explanation) {
    return new KnowledgeRules(explanation, true);
  }

  public boolean isNotFound() {
    return notFound;
  }

  @Override
  public RuleMessage explanation() {
    return explanation;
  }
}
