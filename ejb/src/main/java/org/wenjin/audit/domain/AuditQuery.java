package org.wenjin.audit.domain;

import java.time.Instant;

/**
 * The auditor's filter; every field is optional (null: any).
 *
 * @param user the username, exactly
 * @param text words to find in the question or the answer (case-insensitive)
 * @param type an event type ({@code exchange}) or a family ({@code document.*})
 * @param rating feedback events with this rating (1 or -1)
 */
public record AuditQuery(
    Instant from,
    Instant to,
    String user,
    String text,
    String model,
    Long documentId,
    String type,
    Integer rating) {

  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, null, null, null);
  }
}
