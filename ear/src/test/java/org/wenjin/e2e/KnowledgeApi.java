package org.wenjin.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The knowledge API as a script uses it: multipart upload, status polling, search. */
final class KnowledgeApi {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");

  private KnowledgeApi() {}

  static HttpResponse<String> upload(
      String token, String fileName, byte[] bytes, Map<String, String> fields) throws Exception {
    String boundary = "wenjin-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      write(body, "--" + boundary + "\r\n");
      write(body, "Content-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n");
      write(body, "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
      write(body, f.getValue() + "\r\n");
    }
    if (fileName != null) {
      write(body, "--" + boundary + "\r\n");
      write(
          body, "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n");
      write(body, "Content-Type: application/octet-stream\r\n\r\n");
      body.write(bytes);
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(Stack.APP_URL + "/api/documents"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static long id(HttpResponse<String> created) {
    Matcher m = ID.matcher(created.body());
    if (created.statusCode() != 201 || !m.find()) {
      throw new AssertionError("upload failed: " + created.statusCode() + " " + created.body());
    }
    return Long.parseLong(m.group(1));
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
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(Stack.APP_URL + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> sendJson(String method, String path, String token, String json)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(Stack.APP_URL + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void write(ByteArrayOutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
