package org.wenjin.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.wenjin.persistence.audit.AuditContent;
import org.wenjin.persistence.audit.AuditEvent;

/**
 * The SHA-256 that chains an audit event to its predecessor: over a canonical text of every field
 * the event records, its company, its position and the previous event's hash. One field per line,
 * each value as a JSON literal (escaped here, not by a library whose output could change), in a
 * fixed order, so no two different events share a text. Changing this form needs a new version.
 */
public final class EventDigest {

  private static final String VERSION = "wenjin-audit-v1";

  private EventDigest() {}

  public static String of(
      long tenantId, long seq, Instant occurredAt, AuditContent c, String prevHash) {
    StringBuilder text = new StringBuilder(256).append(VERSION).append('\n');
    line(text, "tenant", Long.toString(tenantId));
    line(text, "seq", Long.toString(seq));
    line(text, "at", quoted(AuditEvent.precise(occurredAt).toString()));
    line(text, "type", quoted(c.type()));
    line(text, "actor", quoted(c.actor()));
    line(text, "user", number(c.userId()));
    line(text, "conversation", number(c.conversationId()));
    line(text, "turn", number(c.turnId()));
    line(text, "model", quoted(c.model()));
    line(text, "status", quoted(c.status()));
    line(text, "rating", c.rating() == null ? "null" : c.rating().toString());
    line(text, "question", quoted(c.question()));
    line(text, "answer", quoted(c.answer()));
    line(text, "detail", quoted(c.detail()));
    line(text, "prev", quoted(prevHash));
    return sha256(text.toString());
  }

  /** The hash {@code event} should carry, recomputed from what the row says now. */
  public static String recompute(AuditEvent event) {
    return of(
        event.getTenantId(),
        event.getSeq(),
        event.getOccurredAt(),
        event.content(),
        event.getPrevHash());
  }

  private static void line(StringBuilder text, String key, String value) {
    text.append(key).append('=').append(value).append('\n');
  }

  private static String quoted(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder json = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  private static String number(Long value) {
    return value == null ? "null" : value.toString();
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
