package org.wenjin.engine.djl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.wenjin.engine.spi.Cancellation;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.ChatModelProviders;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.engine.spi.ModelSettings;

/**
 * bench/batching.sh: one loaded model, 1 to 16 concurrent streams of the same length. llama.cpp on
 * a tiny GGUF with one slot (the backend's old default: the streams take turns) and with 16 in one
 * batch; the tiny DJL decoder (end-of-sequence ignored) decoded each on its own thread ({@code
 * batching=false}, the old path) and in one rolling batch. Prints aggregate and per-stream tokens/s
 * and the p95 time between tokens, then the line {@code batching: 1 stream X tok/s, 8 streams Y
 * tok/s, ratio Z}.
 */
public final class BatchingBenchmark {

  private static final int[] STREAMS = {1, 2, 4, 8, 16};

  private BatchingBenchmark() {}

  record Figures(int streams, double aggregate, double perStream, double p95GapMs) {}

  /** One way of generating: the model, and whether to ignore its end-of-sequence token. */
  interface Streaming {
    org.wenjin.engine.spi.Completion generate(
        ChatRequest request, org.wenjin.engine.spi.TokenSink sink);
  }

  public static void main(String[] args) throws Exception {
    Path folder = TinyModels.ensureTrained(Path.of(args.length > 0 ? args[0] : "target/bench-lm"));
    int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 96;
    Path gguf =
        org.wenjin.engine.llama.TinyGguf.ensureWritten(
            folder.resolveSibling("bench-llama-16m.gguf"), org.wenjin.engine.llama.TinyGguf.SMALL);
    System.out.printf(
        "%d tokens per stream, %d cores%n", tokens, Runtime.getRuntime().availableProcessors());

    Map<Integer, Figures> llamaSolo = llama(gguf, 1, tokens);
    Map<Integer, Figures> llamaBatched = llama(gguf, 16, tokens);
    table(
        "llama.cpp, a 16M-parameter GGUF of random weights (" + gguf + ")",
        "one slot (before)",
        llamaSolo,
        "16 slots, one batch (now)",
        llamaBatched);
    Map<Integer, Figures> solo = djl(folder, false, tokens);
    Map<Integer, Figures> batched = djl(folder, true, tokens);
    table(
        "DJL, tiny decoder (" + folder + ")",
        "one thread each (before)",
        solo,
        "rolling batch (now)",
        batched);

    System.out.printf(
        "%nllama.cpp: 1 stream %.1f tok/s, 8 streams %.1f tok/s, ratio %.2f%n",
        llamaBatched.get(1).aggregate,
        llamaBatched.get(8).aggregate,
        llamaBatched.get(8).aggregate / llamaBatched.get(1).aggregate);
    Figures one = batched.get(1);
    Figures eight = batched.get(8);
    System.out.printf(
        "DJL p95 between tokens at 8 streams: %.2f ms, %.1fx the single stream's %.2f ms%n",
        eight.p95GapMs, eight.p95GapMs / one.p95GapMs, one.p95GapMs);
    System.out.printf(
        "batching: 1 stream %.1f tok/s, 8 streams %.1f tok/s, ratio %.2f%n",
        one.aggregate, eight.aggregate, eight.aggregate / one.aggregate);
  }

  private static void table(
      String title,
      String beforeName,
      Map<Integer, Figures> before,
      String nowName,
      Map<Integer, Figures> now) {
    System.out.printf("%n%s%n", title);
    System.out.printf("%-8s | %-34s | %-34s%n", "", beforeName, nowName);
    System.out.printf(
        "%-8s | %10s %10s %12s | %10s %10s %12s%n",
        "streams", "tok/s", "tok/s each", "p95 gap ms", "tok/s", "tok/s each", "p95 gap ms");
    for (int n : STREAMS) {
      Figures a = before.get(n);
      Figures b = now.get(n);
      System.out.printf(
          "%-8d | %10.1f %10.1f %12.2f | %10.1f %10.1f %12.2f%n",
          n, a.aggregate, a.perStream, a.p95GapMs, b.aggregate, b.perStream, b.p95GapMs);
    }
  }

  private static Map<Integer, Figures> djl(Path folder, boolean batching, int tokens)
      throws Exception {
    Map<String, String> properties =
        Map.of("folder", folder.toString(), "batching", String.valueOf(batching));
    try (DjlCausalLm model =
        (DjlCausalLm)
            ChatModelProviders.installed().create(new ModelSettings("bench", "djl", properties))) {
      return run(
          (request, sink) -> model.generate(request, sink, new Cancellation(), true), tokens);
    }
  }

  /** The tiny GGUF never ends an answer by itself, so every stream has the same length. */
  private static Map<Integer, Figures> llama(Path gguf, int parallel, int tokens) throws Exception {
    Map<String, String> properties =
        Map.of("model", gguf.toString(), "context", "512", "parallel", String.valueOf(parallel));
    try (var model =
        ChatModelProviders.installed().create(new ModelSettings("bench", "llama", properties))) {
      return run((request, sink) -> model.generate(request, sink, new Cancellation()), tokens);
    }
  }

  private static Map<Integer, Figures> run(Streaming model, int tokens) throws Exception {
    Map<Integer, Figures> figures = new java.util.TreeMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      streams(model, pool, 4, tokens); // warm-up: the engine's kernels, the JIT
      for (int n : STREAMS) {
        figures.put(n, streams(model, pool, n, tokens));
      }
    }
    return figures;
  }

  private static Figures streams(Streaming model, ExecutorService pool, int n, int tokens)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<long[]>> runs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String question = i % 2 == 0 ? TinyModels.LEAVE_QUESTION : TinyModels.VPN_QUESTION;
      runs.add(pool.submit(() -> stream(model, question, tokens, go)));
    }
    long start = System.nanoTime();
    go.countDown();
    List<Double> gaps = new ArrayList<>();
    double perStream = 0;
    long generated = 0;
    for (Future<long[]> run : runs) {
      long[] times = run.get(); // [0] = tokens, then the arrival time of each piece of text
      generated += times[0];
      for (int t = 2; t < times.length; t++) {
        gaps.add((times[t] - times[t - 1]) / 1e6);
      }
      perStream += times[0] / ((times[times.length - 1] - start) / 1e9);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    Collections.sort(gaps);
    double p95 = gaps.isEmpty() ? 0 : gaps.get((int) Math.ceil(gaps.size() * 0.95) - 1);
    return new Figures(n, generated / wall, perStream / n, p95);
  }

  private static long[] stream(Streaming model, String question, int tokens, CountDownLatch go)
      throws InterruptedException {
    List<Long> times = new ArrayList<>();
    ChatRequest request =
        new ChatRequest(
            List.of(
                ChatMessage.system("You are the assistant of a company. Answer concisely."),
                ChatMessage.user(question)),
            List.of(),
            new GenerationOptions(tokens, 0, 1, List.of()));
    go.await();
    var done = model.generate(request, piece -> times.add(System.nanoTime()));
    long[] result = new long[times.size() + 1];
    result[0] = done.tokens();
    for (int i = 0; i < times.size(); i++) {
      result[i + 1] = times.get(i);
    }
    return result;
  }
}
