package org.wenjin.api;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.wenjin.audit.domain.AuditQuery;

/**
 * The audit filters of {@code /api/audit/events} and {@code /api/audit/export}: {@code from} and
 * {@code to} as an instant ({@code 2026-12-01T08:00:00Z}) or a day ({@code 2026-12-01}: from its
 * start, to its end, UTC), {@code user}, {@code q} (text in the question or answer), {@code model},
 * {@code document} (an id), {@code type} ({@code exchange}, {@code document.*}, ...) and {@code
 * feedback} ({@code up} or {@code down}). A value that is not one of these is a 400 that says so.
 */
public class AuditParams {

  @QueryParam("from")
  String from;

  @QueryParam("to")
  String to;

  @QueryParam("user")
  String user;

  @QueryParam("q")
  String text;

  @QueryParam("model")
  String model;

  @QueryParam("document")
  String document;

  @QueryParam("type")
  String type;

  @QueryParam("feedback")
  String feedback;

  AuditQuery query() {
    Instant start = instant("from", from, false);
    Instant end = instant("to", to, true);
    if (start != null && end != null && !start.isBefore(end)) {
      throw new InvalidRequestException("'from' must be before 'to'.");
    }
    return new AuditQuery(
        start,
        end,
        blankToNull(user),
        blankToNull(text),
        blankToNull(model),
        document(),
        type(),
        rating());
  }

  private static Instant instant(String name, String value, boolean endOfDay) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      if (v.length() == 10) {
        LocalDate day = LocalDate.parse(v);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          "'" + name + "' must be a day (2026-12-01) or an instant (2026-12-01T08:00:00Z).");
    }
  }

  private Long document() {
    String v = blankToNull(document);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("'document' must be a document id (a whole number).");
    }
  }

  private String type() {
    String v = blankToNull(type);
    if (v != null && !v.matches("[a-z][a-z.-]{0,62}(\\.\\*)?")) {
      throw new InvalidRequestException(
          "'type' must be an event type such as exchange, feedback or document.*.");
    }
    return v;
  }

  private Integer rating() {
    String v = blankToNull(feedback);
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "up", "1" -> 1;
      case "down", "-1" -> -1;
      default -> throw new InvalidRequestException("'feedback' must be up or down.");
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
