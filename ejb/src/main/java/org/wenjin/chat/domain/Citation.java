package org.wenjin.chat.domain;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.List;

/**
 * A passage an answer may cite as [n]: which document and passage it is, for the link.
 *
 * @param page the page in a PDF, else null
 */
public record Citation(
    int marker, long documentId, int chunk, String title, String source, Integer page)
    implements Serializable {

  /** Stored with the turn as a JSON array; null for none. */
  public static String toJson(List<Citation> citations) {
    if (citations.isEmpty()) {
      return null;
    }
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (Citation c : citations) {
      var o =
          JSON.createObjectBuilder()
              .add("n", c.marker())
              .add("documentId", c.documentId())
              .add("chunk", c.chunk())
              .add("title", c.title())
              .add("source", c.source());
      if (c.page() != null) {
        o.add("page", c.page());
      }
      array.add(o);
    }
    return array.build().toString();
  }

  public static List<Citation> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readArray().stream().map(JsonValue::asJsonObject).map(Citation::of).toList();
    }
  }

  private static Citation of(JsonObject o) {
    return new Citation(
        o.getInt("n"),
        o.getJsonNumber("documentId").longValue(),
        o.getInt("chunk"),
        o.getString("title"),
        o.getString("source"),
        o.containsKey("page") ? o.getInt("page") : null);
  }
}
