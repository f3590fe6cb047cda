package org.wenjin.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The calls a soak makes: asking (waiting for the answer, or following it as server-sent events)
 * and preparing Acme's documents, with demo users' Keycloak tokens that are renewed every minute
 * (they live five), so a long run never sends an expired one.
 */
final class SoakApi {

  private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
  private static final Pattern DOCUMENT =
      Pattern.compile(
          "\"title\":\"([^\"]*)\".*?\"status\":\"([A-Z]+)\",\"chunksTotal\":(\\d+|null)");
  private static final Duration TOKEN_AGE = Duration.ofMinutes(1);

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String app;
  private final String keycloak;
  private final String password;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String value, long fetchedNanos) {}

  SoakApi(String app, String keycloak, String password) {
    this.app = app;
    this.keycloak = keycloak;
    this.password = password;
  }

  /** Asks in a new conversation and waits for the saved answer; the HTTP status (0: no answer). */
  int ask(String user, String question) {
    try {
      return http.send(
              post(user, "/api/conversations", question), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /**
   * Asks and follows the answer's events; 200 once the {@code done} event came, else the status.
   */
  int askStreaming(String user, String question) {
    try {
      HttpResponse<Stream<String>> response =
          http.send(
              post(user, "/api/conversations/stream", question),
              HttpResponse.BodyHandlers.ofLines());
      if (response.statusCode() != 200) {
        response.body().close();
        return response.statusCode();
      }
      try (Stream<String> lines = response.body()) {
        Iterator<String> it = lines.iterator();
        while (it.hasNext()) {
          if (it.next().equals("event: done")) {
            return 200;
          }
        }
      }
      return 0; // the stream ended without its answer
    } catch (IOException | UncheckedIOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /**
   * Uploads those of {@code files} that the company lacks (by file name) as {@code admin}, waits
   * until all are indexed and returns the company's passages.
   */
  int ensureDocuments(String admin, List<Path> files) throws Exception {
    String listed = documents(admin);
    for (Path file : files) {
      if (!listed.contains("\"sourceName\":\"" + file.getFileName() + "\"")) {
        upload(admin, file);
      }
    }
    while (true) {
      Matcher m = DOCUMENT.matcher(documents(admin));
      int passages = 0;
      boolean pending = false;
      while (m.find()) {
        pending |= m.group(2).equals("QUEUED") || m.group(2).equals("PROCESSING");
        passages += m.group(3).equals("null") ? 0 : Integer.parseInt(m.group(3));
      }
      if (!pending) {
        return passages;
      }
      Thread.sleep(1000);
    }
  }

  private String documents(String user) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(app + "/api/documents"))
                .header("Authorization", "Bearer " + token(user))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "listing documents failed: " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private void upload(String user, Path file) throws Exception {
    String boundary = "soak-" + UUID.randomUUID();
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
        http.send(
            HttpRequest.newBuilder(URI.create(app + "/api/documents"))
                .header("Authorization", "Bearer " + token(user))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("upload of " + file + " failed: " + r.body());
    }
  }

  private HttpRequest post(String user, String path, String question)
      throws IOException, InterruptedException {
    return HttpRequest.newBuilder(URI.create(app + path))
        .header("Authorization", "Bearer " + token(user))
        .header("Content-Type", "application/json")
        .header("Accept", path.endsWith("stream") ? "text/event-stream" : "application/json")
        .timeout(Duration.ofMinutes(7))
        .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"" + question + "\"}"))
        .build();
  }

  private String token(String user) throws IOException, InterruptedException {
    Token t = tokens.get(user);
    if (t == null || System.nanoTime() - t.fetchedNanos() > TOKEN_AGE.toNanos()) {
      t = new Token(fetchToken(user), System.nanoTime());
      tokens.put(user, t);
    }
    return t.value();
  }

  private String fetchToken(String user) throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=wenjin-cli&username="
            + user
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/wenjin/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = TOKEN.matcher(r.body());
    if (!m.find()) {
      throw new IOException("no token for " + user + ": " + r.statusCode());
    }
    return m.group(1);
  }
}
