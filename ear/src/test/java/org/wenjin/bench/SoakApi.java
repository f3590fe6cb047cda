package org.wenjin.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.wenjin.restclient.ApiClient;
import org.wenjin.restclient.DemoPasswords;

/**
 * The calls a soak makes: asking (waiting for the answer, or following it as server-sent events)
 * and preparing Acme's documents, with demo users' Keycloak tokens renewed every minute (they live
 * five), so a long run never sends an expired one. Each ask returns what went wrong in a word: the
 * HTTP status, or the exception's name when no response came.
 */
final class SoakApi {

  /** What {@link #ask} and {@link #askStreaming} return when the answer came. */
  static final String ANSWERED = "ok";

  private static final Pattern DOCUMENT =
      Pattern.compile("\"status\":\"([A-Z]+)\",\"chunksTotal\":(\\d+|null)");
  private static final Pattern TURN_STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
  private static final Duration TOKEN_AGE = Duration.ofMinutes(1);

  private final ApiClient api;
  private final DemoPasswords passwords;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String value, long fetchedNanos) {}

  SoakApi(String app, String keycloak, DemoPasswords passwords) {
    this.api = new ApiClient(app, keycloak);
    this.passwords = passwords;
  }

  /**
   * Asks in a new conversation and waits for the saved answer: {@code 201} with the turn COMPLETE
   * (a turn that FAILED, e.g. "the model is busy", is an error too).
   */
  String ask(String user, String question) {
    try {
      HttpResponse<String> r = api.send("POST", "/api/conversations", token(user), body(question));
      return r.statusCode() == 201 ? turnOutcome(r.body()) : String.valueOf(r.statusCode());
    } catch (IOException | RuntimeException e) {
      return e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Asks and follows the answer's events to its {@code done} event. */
  String askStreaming(String user, String question) {
    try {
      HttpResponse<Stream<String>> response =
          api.stream("/api/conversations/stream", token(user), body(question));
      try (Stream<String> lines = response.body()) {
        if (response.statusCode() != 200) {
          return String.valueOf(response.statusCode());
        }
        Iterator<String> it = lines.iterator();
        while (it.hasNext()) {
          if (it.next().equals("event: done")) {
            return it.hasNext() ? turnOutcome(it.next()) : "done without data";
          }
        }
      }
      return "stream ended without done";
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * Uploads those of {@code files} that the company lacks (by file name) as {@code admin}, waits
   * until none is queued or being indexed and returns the company's passages.
   */
  int ensureDocuments(String admin, List<Path> files) throws Exception {
    String listed = documents(admin);
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (!listed.contains("\"sourceName\":\"" + name + "\"")) {
        HttpResponse<String> r =
            api.upload(token(admin), name, Files.readAllBytes(file), Map.of("collection", "soak"));
        if (r.statusCode() != 201) {
          throw new IllegalStateException("upload of " + file + " failed: " + r.body());
        }
      }
    }
    while (true) {
      Matcher m = DOCUMENT.matcher(documents(admin));
      int passages = 0;
      boolean pending = false;
      while (m.find()) {
        pending |= m.group(1).equals("QUEUED") || m.group(1).equals("PROCESSING");
        passages += m.group(2).equals("null") ? 0 : Integer.parseInt(m.group(2));
      }
      if (!pending) {
        return passages;
      }
      Thread.sleep(1000);
    }
  }

  private String documents(String user) throws Exception {
    HttpResponse<String> r = api.get("/api/documents", token(user));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("listing documents failed: " + r.statusCode());
    }
    return r.body();
  }

  /** {@link #ANSWERED} for a COMPLETE turn, else its status (FAILED, STOPPED...). */
  private static String turnOutcome(String turnJson) {
    Matcher m = TURN_STATUS.matcher(turnJson);
    String status = m.find() ? m.group(1) : "no status";
    return status.equals("COMPLETE") ? ANSWERED : status;
  }

  private static String body(String question) {
    return "{\"question\":\"" + question + "\"}";
  }

  /** One fetch per user at a time: a hundred clients must not all ask Keycloak at once. */
  private String token(String user) {
    return tokens
        .compute(
            user,
            (name, t) ->
                t != null && System.nanoTime() - t.fetchedNanos() < TOKEN_AGE.toNanos()
                    ? t
                    : new Token(fetchToken(name), System.nanoTime()))
        .value();
  }

  private String fetchToken(String user) {
    try {
      return api.passwordToken(user, passwords.of(user));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching a token", e);
    }
  }
}
