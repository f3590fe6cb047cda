package org.wenjin.audit.application;

import jakarta.json.JsonObject;

/**
 * Records events in the caller's transaction, so an action and its record commit or roll back
 * together. The company is the one the caller acts for, unless named.
 */
public interface AuditLog {

  /** An answer that ended (complete, stopped or failed), for {@code tenantId}. */
  void exchange(long tenantId, Exchange exchange);

  /** The caller's feedback on an answer, recorded with the question and answer it rates. */
  void feedback(RatedAnswer rated, int rating, String comment);

  /** The answer feedback was given on, as the user saw it. */
  record RatedAnswer(
      long conversationId, long turnId, String question, String answer, String model) {}

  /**
   * A use of a model by the caller that is no question (an API client's embeddings): the model,
   * what was sent (searchable like a question) and a detail of counts.
   */
  void modelUse(String type, String model, String text, JsonObject detail);

  /** An action of the caller in their company; {@code detail} says on what (and before → after). */
  void action(String type, JsonObject detail);

  /** An action on {@code tenantId} by {@code actor}, done outside its scope (platform admin). */
  void action(long tenantId, String actor, String type, JsonObject detail);
}
