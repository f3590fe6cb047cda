package org.wenjin.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wenjin.engine.openai.OpenAiProtocolServer;
import org.wenjin.restclient.ApiClient;
import org.wenjin.restclient.DemoPasswords;

/**
 * Prints the platform's overhead on a chat answer (not a test: run {@code bench/chat.sh} against a
 * running stack): a zero-latency scripted model (50 pieces, no delay) behind the real
 * OpenAI-compatible backend, asked through {@code POST /api/conversations/stream} with Keycloak
 * tokens; time from sending to the first piece and to the saved answer, p50/p95, with 1 and 50
 * concurrent users. Everything the platform adds is in it: HTTP, token check, tenant scope, two
 * database transactions, the pool, the backend's SSE parsing and the SSE to the client.
 *
 * <p>Then the same answers through the OpenAI-compatible API ({@code POST /v1/chat/completions},
 * streamed, with a personal API key) side by side with Wenjin's own stream, both grounded on the
 * company's documents (the /v1 API always is): what the OpenAI protocol and the key add.
 */
public final class ChatBenchmark {

  private static final Pattern CONVERSATION = Pattern.compile("\"conversationId\":(\\d+)");
  private static final List<String> USERS = List.of("alice", "bob", "carol", "gina", "mia");

  private final ApiClient api;
  private final DemoPasswords passwords;
  private final List<String> tokens = new ArrayList<>();

  private ChatBenchmark(String[] args) {
    api = new ApiClient(args[0], args[1]);
    passwords = DemoPasswords.from(Path.of(args[2]));
  }

  /**
   * Args: app URL, Keycloak URL, the stack's secrets file (stack.env), port of the scripted model.
   */
  public static void main(String[] args) throws Exception {
    try (OpenAiProtocolServer model = new OpenAiProtocolServer(Integer.parseInt(args[3]))) {
      model.answering(Collections.nCopies(50, "x "), Duration.ZERO);
      new ChatBenchmark(args).run();
    }
    System.exit(0);
  }

  private record Sample(
      long firstPieceNanos, long doneNanos, boolean complete, String user, long conversation) {}

  private void run() throws Exception {
    for (String user : USERS) {
      tokens.add(api.passwordToken(user, passwords.of(user)));
    }
    measure(Route.API, 1, 20, 200);
    measure(Route.API, 50, 50, 200);
    List<String> keys = new ArrayList<>();
    for (String token : tokens) {
      keys.add(key(token));
    }
    apiKeys = keys;
    try {
      for (int users : List.of(1, 50)) {
        measure(Route.API_GROUNDED, users, users == 1 ? 20 : 50, 200);
        measure(Route.V1, users, users == 1 ? 20 : 50, 200);
      }
    } finally {
      revokeKeys();
    }
  }

  /** Where a question is asked: Wenjin's stream (without or with documents) or OpenAI's. */
  private enum Route {
    API("/api/conversations/stream, no documents"),
    API_GROUNDED("/api/conversations/stream, grounded"),
    V1("/v1/chat/completions stream, API key");

    final String label;

    Route(String label) {
      this.label = label;
    }
  }

  private List<String> apiKeys = List.of();
  private final List<Long> keyIds = new ArrayList<>();

  private String key(String token) throws Exception {
    HttpResponse<String> created =
        api.send("POST", "/api/me/api-keys", token, "{\"name\":\"bench/chat.sh\"}");
    Matcher key = Pattern.compile("\"key\":\"(wj-[^\"]+)\"").matcher(created.body());
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
    if (created.statusCode() != 201 || !key.find() || !id.find()) {
      throw new IllegalStateException("no API key: " + created.statusCode() + " " + created.body());
    }
    keyIds.add(Long.parseLong(id.group(1)));
    return key.group(1);
  }

  private void revokeKeys() throws Exception {
    for (int i = 0; i < keyIds.size(); i++) {
      api.send("DELETE", "/api/me/api-keys/" + keyIds.get(i), tokens.get(i), null);
    }
  }

  private void measure(Route path, int users, int warmup, int total) throws Exception {
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    try {
      run(path, pool, users, warmup, new ConcurrentLinkedQueue<>());
      run(path, pool, users, total, samples);
    } finally {
      pool.shutdown();
    }
    List<Long> first = new ArrayList<>();
    List<Long> done = new ArrayList<>();
    int failed = 0;
    for (Sample s : samples) {
      if (!s.complete()) {
        failed++;
        continue;
      }
      first.add(s.firstPieceNanos());
      done.add(s.doneNanos());
    }
    System.out.printf(
        "%-42s %2d concurrent user(s), %d answers of 50 pieces: first piece p50 %6.1f ms p95"
            + " %6.1f ms | whole answer p50 %6.1f ms p95 %6.1f ms | not complete: %d%n",
        path.label,
        users,
        samples.size(),
        percentile(first, 50),
        percentile(first, 95),
        percentile(done, 50),
        percentile(done, 95),
        failed);
  }

  private void run(
      Route path, ExecutorService pool, int users, int answers, ConcurrentLinkedQueue<Sample> out)
      throws Exception {
    List<Future<?>> running = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int user = u;
      running.add(
          pool.submit(
              () -> {
                for (int i = user; i < answers; i += users) {
                  Sample s =
                      path == Route.V1
                          ? askV1(user % tokens.size())
                          : ask(user % tokens.size(), path == Route.API_GROUNDED);
                  out.add(s);
                  delete(s);
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
  }

  private Sample ask(int user, boolean grounded) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<java.util.stream.Stream<String>> response =
        api.stream(
            "/api/conversations/stream",
            tokens.get(user),
            "{\"question\":\"benchmark question\",\"model\":\"bench\",\"documents\":"
                + grounded
                + "}");
    long first = -1;
    long conversation = -1;
    boolean complete = false;
    String event = "";
    Iterator<String> lines = response.body().iterator();
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith("event:")) {
        event = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        if (event.equals("text") && first < 0) {
          first = System.nanoTime() - t0;
        } else if (event.equals("turn")) {
          Matcher m = CONVERSATION.matcher(line);
          conversation = m.find() ? Long.parseLong(m.group(1)) : -1;
        } else if (event.equals("done")) {
          complete = line.contains("\"status\":\"COMPLETE\"");
        }
      }
    }
    return new Sample(
        first, System.nanoTime() - t0, complete && first >= 0, USERS.get(user), conversation);
  }

  /** The same question as OpenAI's streamed chat completion: chunks until {@code [DONE]}. */
  private Sample askV1(int user) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<java.util.stream.Stream<String>> response =
        api.stream(
            "/v1/chat/completions",
            apiKeys.get(user),
            "{\"model\":\"bench\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"benchmark question\"}]}");
    long first = -1;
    long conversation = -1;
    boolean complete = false;
    Iterator<String> lines = response.body().iterator();
    while (lines.hasNext()) {
      String line = lines.next();
      if (!line.startsWith("data:")) {
        continue;
      }
      if (line.contains("\"content\":\"x")) {
        if (first < 0) {
          first = System.nanoTime() - t0;
        }
      } else if (line.contains("\"finish_reason\":\"stop\"")) {
        Matcher m = Pattern.compile("\"conversation_id\":(\\d+)").matcher(line);
        conversation = m.find() ? Long.parseLong(m.group(1)) : -1;
      } else if (line.strip().equals("data: [DONE]")) {
        complete = true;
      }
    }
    return new Sample(
        first, System.nanoTime() - t0, complete && first >= 0, USERS.get(user), conversation);
  }

  private void delete(Sample s) throws Exception {
    if (s.conversation() < 0) {
      return;
    }
    api.delete("/api/conversations/" + s.conversation(), tokens.get(USERS.indexOf(s.user())));
  }

  /** The p-th percentile of {@code nanos}, in milliseconds (NaN for none). */
  static double percentile(List<Long> nanos, int p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
