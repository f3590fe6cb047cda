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
    measure(1, 20, 200);
    measure(50, 50, 200);
  }

  private void measure(int users, int warmup, int total) throws Exception {
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    try {
      run(pool, users, warmup, new ConcurrentLinkedQueue<>());
      run(pool, users, total, samples);
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
        "%2d concurrent user(s), %d answers of 50 pieces: first piece p50 %6.1f ms p95 %6.1f ms |"
            + " saved answer p50 %6.1f ms p95 %6.1f ms | not complete: %d%n",
        users,
        samples.size(),
        percentile(first, 50),
        percentile(first, 95),
        percentile(done, 50),
        percentile(done, 95),
        failed);
  }

  private void run(ExecutorService pool, int users, int answers, ConcurrentLinkedQueue<Sample> out)
      throws Exception {
    List<Future<?>> running = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int user = u;
      running.add(
          pool.submit(
              () -> {
                for (int i = user; i < answers; i += users) {
                  Sample s = ask(user % tokens.size());
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

  private Sample ask(int user) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<java.util.stream.Stream<String>> response =
        api.stream(
            "/api/conversations/stream",
            tokens.get(user),
            "{\"question\":\"benchmark question\",\"model\":\"bench\",\"documents\":false}");
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

  private void delete(Sample s) throws Exception {
    if (s.conversation() < 0) {
      return;
    }
    api.delete("/api/conversations/" + s.conversation(), tokens.get(USERS.indexOf(s.user())));
  }

  private static double percentile(List<Long> nanos, int p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
