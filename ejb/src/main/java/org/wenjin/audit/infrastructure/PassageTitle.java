package org.wenjin.audit.infrastructure;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** The title an exchange's detail gives a document's passages ({@code passages[].title}). */
final class PassageTitle {

  private PassageTitle() {}

  /** Null when the detail has no passage of that document, or is no JSON (an edited row). */
  static String of(String detail, long documentId) {
    if (detail == null || detail.isBlank()) {
      return null;
    }
    try (var reader = JSON.createReader(new StringReader(detail))) {
      if (!(reader.readValue() instanceof JsonObject o)
          || !(o.get("passages") instanceof JsonArray passages)) {
        return null;
      }
      for (JsonObject p : passages.getValuesAs(JsonObject.class)) {
        if (p.get("documentId") instanceof JsonNumber id && id.longValue() == documentId) {
          String title = p.getString("title", "");
          return title.isBlank() ? null : title;
        }
      }
      return null;
    } catch (JsonException | ClassCastException e) {
      return null;
    }
  }
}
