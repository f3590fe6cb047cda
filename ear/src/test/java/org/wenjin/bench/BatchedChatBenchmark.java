package org.wenjin.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wenjin.engine.djl.TinyModels;
import org.wenjin.restclient.ApiClient;
import org.wenjin.restclient.DemoPasswords;

/**
 * bench/chat-batching.sh: the tiny DJL decoder through the whole platform (Keycloak tokens, {@code
 * POST /api/conversations/stream}, the pool, the backend, SSE back), 8 and 32 concurrent users,
 * with the model decoding each answer on its own thread ({@code tiny-djl-solo}, as before) and in
 * one rolling batch ({@code tiny-djl}); answers/s, pieces/s, time to the first piece and to the
 * saved answer (p50/p95). Not a test: run it against a stack started with {@code
 * WENJIN_MODELS_FILE=bench/batching-models.properties}.
 */
public final class BatchedChatBenchmark {

  private static final Pattern CONVERSATION = Pattern.compile("\"conversationId\":(\\d+)");
  private static final List<String> USERS = List.of("alice", "bob", "carol", "gina", "mia");

  private final ApiClient api;
  private final List<String> tokens = new ArrayList<>();

  private record Sample(long firstNanos, long doneNanos, int pieces, boolean complete) {}

  private BatchedChatBenchmark(ApiClient api) {
    this.api = api;
  }

  /** Args: app URL, Keycloak URL, the stack's secrets file, the tiny model's folder. */
  public static void main(String[] args) throws Exception {
    TinyModels.ensureTrained(Path.of(args[3])); // before the first question loads it
    BatchedChatBenchmark bench = new BatchedChatBenchmark(new ApiClient(args[0], args[1]));
    DemoPasswords passwords = DemoPasswords.from(Path.of(args[2]));
    for (String user : USERS) {
      bench.tokens.add(bench.api.passwordToken(user, passwords.of(user)));
    }
    System.out.printf(
        "%-15s %5s %8s %10s %10s %22s %22s %5s%n",
        "model",
        "users",
        "answers",
        "answers/s",
        "pieces/s",
        "first piece p50/p95 ms",
        "saved answer p50/p95 ms",
        "fail");
    for (int users : List.of(8, 32)) {
      for (String model : List.of("tiny-djl-solo", "tiny-djl")) {
        bench.measure(model, users, users, users * 6);
      }
    }
    System.exit(0);
  }

  private void measure(String model, int users, int warmup, int total) throws Exception {
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(users)) {
      run(model, pool, users, warmup, new ConcurrentLinkedQueue<>());
      long start = System.nanoTime();
      run(model, pool, users, total, samples);
      double wall = (System.nanoTime() - start) / 1e9;
      List<Long> first = new ArrayList<>();
      List<Long> done = new ArrayList<>();
      long pieces = 0;
      int failed = 0;
      for (Sample s : samples) {
        if (!s.complete()) {
          failed++;
          continue;
        }
        first.add(s.firstNanos());
        done.add(s.doneNanos());
        pieces += s.pieces();
      }
      System.out.printf(
          "%-15s %5d %8d %10.1f %10.1f %10.0f / %-10.0f %10.0f / %-10.0f %5d%n",
          model,
          users,
          samples.size(),
          (samples.size() - failed) / wall,
          pieces / wall,
          ChatBenchmark.percentile(first, 50),
          ChatBenchmark.percentile(first, 95),
          ChatBenchmark.percentile(done, 50),
          ChatBenchmark.percentile(done, 95),
          failed);
    }
  }

  private void run(
      String model, ExecutorService pool, int users, int answers, ConcurrentLinkedQueue<Sample> out)
      throws Exception {
    List<Future<?>> running = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int user = u;
      running.add(
          pool.submit(
              () -> {
                for (int i = user; i < answers; i += users) {
                  out.add(ask(model, user % tokens.size()));
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
  }

  private Sample ask(String model, int user) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<java.util.stream.Stream<String>> response =
        api.stream(
            "/api/conversations/stream",
            tokens.get(user),
            "{\"question\":\""
                + TinyModels.LEAVE_QUESTION
                + "\",\"model\":\""
                + model
                + "\",\"documents\":false}");
    long first = -1;
    int pieces = 0;
    boolean complete = false;
    long conversation = -1;
    String event = "";
    Iterator<String> lines = response.body().iterator();
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith("event:")) {
        event = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        if (event.equals("text")) {
          pieces++;
          if (first < 0) {
            first = System.nanoTime() - t0;
          }
        } else if (event.equals("turn")) {
          Matcher m = CONVERSATION.matcher(line);
          conversation = m.find() ? Long.parseLong(m.group(1)) : -1;
        } else if (event.equals("done")) {
          complete = line.contains("\"status\":\"COMPLETE\"");
        }
      }
    }
    long done = System.nanoTime() - t0;
    if (conversation >= 0) {
      api.delete("/api/conversations/" + conversation, tokens.get(user));
    }
    return new Sample(first, done, pieces, complete && first >= 0);
  }
}
