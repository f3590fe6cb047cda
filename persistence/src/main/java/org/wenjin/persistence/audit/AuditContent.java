package org.wenjin.persistence.audit;

import java.util.Objects;

/**
 * What an audit event says. {@code detail} is JSON (passages, timings, tokens, before → after),
 * hashed as stored. Only {@code type} and {@code actor} are required; the rest is null where the
 * event has none (an administrative action has no answer).
 */
public record AuditContent(
    String type,
    String actor,
    Long userId,
    Long conversationId,
    Long turnId,
    String model,
    String status,
    Integer rating,
    String question,
    String answer,
    String detail) {

  public static final int MAX_QUESTION = 8000;
  public static final int MAX_TEXT = 65535;

  public AuditContent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    question = cut(question, MAX_QUESTION);
    answer = cut(answer, MAX_TEXT);
    detail = cut(detail, MAX_TEXT);
  }

  /** An administrative action: what was done, by whom, with a short JSON detail. */
  public static AuditContent action(String type, String actor, Long userId, String detail) {
    return new AuditContent(type, actor, userId, null, null, null, null, null, null, null, detail);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
