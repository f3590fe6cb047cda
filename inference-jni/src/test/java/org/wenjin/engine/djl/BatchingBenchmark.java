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
 * bench/batching.sh: one loaded tiny decoder, 1 to 16 concurrent streams of the same length
 * (end-of-sequence ignored), decoded each on its own thread (the baseline, {@code batching=false})
 * and in one rolling batch. Prints aggregate and per-stream tokens/s and the p95 time between
 * tokens, then the line {@code batching: 1 stream X tok/s, 8 streams Y tok/s, ratio Z}.
 */
public final class BatchingBenchmark {

  private static final int[] STREAMS = {1, 2, 4, 8, 16};

  private BatchingBenchmark() {}

  record Figures(int streams, double aggregate, double perStream, double p95GapMs) {}

  public static void main(String[] args) throws Exception {
    Path folder = TinyModels.ensureTrained(Path.of(args.length > 0 ? args[0] : "target/bench-lm"));
    int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 96;
    System.out.printf(
        "Tiny decoder (%s), %d tokens per stream, %d cores%n%n",
        folder, tokens, Runtime.getRuntime().availableProcessors());
    Map<Integer, Figures> solo = run(folder, false, tokens);
    Map<Integer, Figures> batched = run(folder, true, tokens);
    System.out.printf(
        "%-8s | %-34s | %-34s%n", "", "one thread each (before)", "rolling batch (now)");
    System.out.printf(
        "%-8s | %10s %10s %12s | %10s %10s %12s%n",
        "streams", "tok/s", "tok/s each", "p95 gap ms", "tok/s", "tok/s each", "p95 gap ms");
    for (int n : STREAMS) {
      Figures a = solo.get(n);
      Figures b = batched.get(n);
      System.out.printf(
          "%-8d | %10.1f %10.1f %12.2f | %10.1f %10.1f %12.2f%n",
          n, a.aggregate, a.perStream, a.p95GapMs, b.aggregate, b.perStream, b.p95GapMs);
    }
    Figures one = batched.get(1);
    Figures eight = batched.get(8);
    System.out.printf(
        "%np95 between tokens at 8 streams: %.2f ms, %.1fx the single stream's %.2f ms%n",
        eight.p95GapMs, eight.p95GapMs / one.p95GapMs, one.p95GapMs);
    System.out.printf(
        "batching: 1 stream %.1f tok/s, 8 streams %.1f tok/s, ratio %.2f%n",
        one.aggregate, eight.aggregate, eight.aggregate / one.aggregate);
  }

  private static Map<Integer, Figures> run(Path folder, boolean batching, int tokens)
      throws Exception {
    Map<String, String> properties =
        Map.of("folder", folder.toString(), "batching", String.valueOf(batching));
    Map<Integer, Figures> figures = new java.util.TreeMap<>();
    try (DjlCausalLm model =
            (DjlCausalLm)
                ChatModelProviders.installed()
                    .create(new ModelSettings("bench", "djl", properties));
        ExecutorService pool = Executors.newFixedThreadPool(16)) {
      streams(model, pool, 4, tokens); // warm-up: the engine's kernels, the JIT
      for (int n : STREAMS) {
        figures.put(n, streams(model, pool, n, tokens));
      }
    }
    return figures;
  }

  private static Figures streams(DjlCausalLm model, ExecutorService pool, int n, int tokens)
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

  private static long[] stream(DjlCausalLm model, String question, int tokens, CountDownLatch go)
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
    var done =
        model.generate(request, piece -> times.add(System.nanoTime()), new Cancellation(), true);
    long[] result = new long[times.size() + 1];
    result[0] = done.tokens();
    for (int i = 0; i < times.size(); i++) {
      result[i + 1] = times.get(i);
    }
    return result;
  }
}
