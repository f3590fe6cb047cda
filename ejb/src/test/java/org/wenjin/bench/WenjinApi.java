package org.wenjin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The parts of Wenjin's REST API the knowledge benchmark drives, with Keycloak tokens. */
final class WenjinApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String app;
  private final String keycloak;
  private final String password;

  /**
   * @param password the demo users' password
   */
  WenjinApi(String app, String keycloak, String password) {
    this.app = app;
    this.keycloak = keycloak;
    this.password = password;
  }

  /** A bearer token of a demo user (password grant of the command-line client). */
  String token(String user) throws Exception {
    String form =
        "grant_type=password&client_id=wenjin-cli&username="
            + user
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/wenjin/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).path("access_token").asText();
  }

  /** The caller's documents, as {@code GET /api/documents} lists them. */
  JsonNode documents(String token) throws Exception {
    return JSON.readTree(ok(get(app + "/api/documents", token), "listing the documents"));
  }

  /** Uploads a file; its new document id. */
  long upload(String token, Path file) throws Exception {
    String boundary = "bench-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(file));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(app + "/api/documents"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("upload of " + file + " failed: " + r.body());
    }
    return JSON.readTree(r.body()).path("id").asLong();
  }

  void deleteDocument(String token, long id) throws Exception {
    HTTP.send(
        HttpRequest.newBuilder(URI.create(app + "/api/documents/" + id))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** One {@code GET /api/search} of 10 results; fails unless answered. */
  void search(String token, String query) throws Exception {
    ok(
        get(
            app + "/api/search?size=10&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
            token),
        "search");
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String ok(HttpResponse<String> r, String what) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException(what + " failed: " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }
}
