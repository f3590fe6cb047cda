package org.wenjin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.wenjin.restclient.ApiClient;
import org.wenjin.restclient.DemoPasswords;

/** The parts of Wenjin's REST API the knowledge benchmark drives, with Keycloak tokens. */
final class WenjinApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiClient api;
  private final DemoPasswords passwords;

  /**
   * @param passwords the demo users' passwords (the stack's secrets)
   */
  WenjinApi(String app, String keycloak, DemoPasswords passwords) {
    this.api = new ApiClient(app, keycloak);
    this.passwords = passwords;
  }

  /** A bearer token of a demo user. */
  String token(String user) throws Exception {
    return api.passwordToken(user, passwords.of(user));
  }

  /** All the caller's documents, as {@code GET /api/documents} lists them, page by page. */
  JsonNode documents(String token) throws Exception {
    var all = JSON.createArrayNode();
    for (int page = 0; ; page++) {
      JsonNode some =
          JSON.readTree(
              ok(api.get("/api/documents?size=100&page=" + page, token), "listing the documents"));
      some.forEach(all::add);
      if (some.size() < 100) {
        return all;
      }
    }
  }

  /** Uploads a file; its new document id. */
  long upload(String token, Path file) throws Exception {
    HttpResponse<String> r =
        api.upload(token, file.getFileName().toString(), Files.readAllBytes(file), Map.of());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("upload of " + file + " failed: " + r.body());
    }
    return JSON.readTree(r.body()).path("id").asLong();
  }

  void deleteDocument(String token, long id) throws Exception {
    api.delete("/api/documents/" + id, token);
  }

  /** One {@code GET /api/search} of 10 results; fails unless answered. */
  void search(String token, String query) throws Exception {
    ok(
        api.get("/api/search?size=10&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), token),
        "search");
  }

  /** The JSON of one {@code GET /api/search} of {@code size} results. */
  JsonNode searchResults(String token, String query, int size) throws Exception {
    return JSON.readTree(
        ok(
            api.get(
                "/api/search?size="
                    + size
                    + "&q="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8),
                token),
            "search"));
  }

  private static String ok(HttpResponse<String> r, String what) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException(what + " failed: " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }
}
