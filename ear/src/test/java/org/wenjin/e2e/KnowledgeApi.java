package org.wenjin.e2e;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The knowledge API as the tests use it: upload, status polling, search. */
final class KnowledgeApi {

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");

  private KnowledgeApi() {}

  static HttpResponse<String> upload(
      String token, String fileName, byte[] bytes, Map<String, String> fields) throws Exception {
    return Stack.API.upload(token, fileName, bytes, fields);
  }

  static long id(HttpResponse<String> created) {
    Matcher m = ID.matcher(created.body());
    if (created.statusCode() != 201 || !m.find()) {
      throw new AssertionError("upload failed: " + created.statusCode() + " " + created.body());
    }
    return Long.parseLong(m.group(1));
  }

  /** Uploads a Markdown document as {@code admin} (no fields) and waits until it is INDEXED. */
  static long indexedMarkdown(String admin, String fileName, String markdown) throws Exception {
    long id = id(upload(admin, fileName, markdown.getBytes(StandardCharsets.UTF_8), Map.of()));
    String settled = awaitSettled(admin, id);
    if (!settled.contains("\"status\":\"INDEXED\"")) {
      throw new AssertionError("not indexed: " + settled);
    }
    return id;
  }

  /** Polls the document until it is INDEXED or FAILED; returns its JSON. */
  static String awaitSettled(String token, long id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    String json = "";
    while (Instant.now().isBefore(deadline)) {
      json = send("GET", "/api/documents/" + id, token).body();
      Matcher status = STATUS.matcher(json);
      if (status.find()
          && (status.group(1).equals("INDEXED") || status.group(1).equals("FAILED"))) {
        return json;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("document " + id + " did not settle in 90 s: " + json);
  }

  static HttpResponse<String> search(String token, String query) throws Exception {
    return send(
        "GET", "/api/search?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8), token);
  }

  static HttpResponse<String> send(String method, String path, String token) throws Exception {
    return Stack.API.send(method, path, token, null);
  }

  static HttpResponse<String> sendJson(String method, String path, String token, String json)
      throws Exception {
    return Stack.API.send(method, path, token, json);
  }
}
