package org.wenjin.knowledge.domain;

import jakarta.ejb.ApplicationException;

/** A knowledge request that breaks a rule (bad upload, empty query, unknown document): say why. */
@ApplicationException(rollback = true)
public class KnowledgeRules extends RuntimeException {

  private final boolean notFound;

  public KnowledgeRules(String message) {
    this(message, false);
  }

  private KnowledgeRules(String message, boolean notFound) {
    super(message);
    this.notFound = notFound;
  }

  /** Same answer for "does not exist" and "belongs to another company": existence is not leaked. */
  public static KnowledgeRules notFound() {
    return new KnowledgeRules("This document does not exist or is not in your company.", true);
  }

  /** Something else the caller named that does not exist for them (a model, say). */
  public static KnowledgeRules notFound(String message) {
    return new KnowledgeRules(message, true);
  }

  public boolean isNotFound() {
    return notFound;
  }
}
