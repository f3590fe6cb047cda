package org.wenjin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.wenjin.engine.spi.EmbeddingModel;
import org.wenjin.knowledge.domain.Chunk;
import org.wenjin.knowledge.domain.Chunker;
import org.wenjin.knowledge.domain.ChunkingRules;
import org.wenjin.knowledge.domain.ParsedDocument;
import org.wenjin.knowledge.domain.QueryLanguage;
import org.wenjin.knowledge.infrastructure.TikaDocumentParser;
import org.wenjin.restclient.DemoPasswords;

/**
 * Prints the knowledge base's figures against a running stack ({@code bench/knowledge.sh}):
 *
 * <ol>
 *   <li>Ingestion of a real Chinese corpus through the app (upload → indexed), documents/s and
 *       passages/s, in several passes, each next to the raw throughput of the same embedding model
 *       on the same passages in this process (parsed and chunked by the app's own code), measured
 *       just before and after it.
 *   <li>Search: p50/p95 of {@code GET /api/search} against the two raw Elasticsearch requests it
 *       makes, at 10,000 and 100,000 passages, with 1 and 10 concurrent clients.
 * </ol>
 *
 * Runs as gina (Globex) and removes everything it added at the end.
 */
public final class KnowledgeBenchmark {

  private static final List<String> QUERIES =
      List.of(
          "如何升级 Debian 系统",
          "软件包管理工具有哪些",
          "Debian 的发行版本代号",
          "如何报告软件缺陷",
          "怎样制作一个 Debian 软件包",
          "dpkg 和 apt 的区别",
          "Debian 支持哪些硬件架构",
          "如何获取 Debian 安装镜像",
          "什么是自由软件",
          "如何成为 Debian 开发者",
          "上传软件包到仓库",
          "debian/control 文件的作用",
          "How do I upgrade Debian",
          "Debian 的安全更新",
          "如何定制内核",
          "源代码包的结构");

  private final WenjinApi api;
  private final RawElasticsearch index;

  private KnowledgeBenchmark(String[] args) {
    api = new WenjinApi(args[0], args[1], DemoPasswords.from(Path.of(args[4])));
    index = new RawElasticsearch(args[2], args[3]);
  }

  /**
   * Args: app URL, Keycloak URL, Elasticsearch URL, ES app password, the stack's secrets file
   * (stack.env), files...
   */
  public static void main(String[] args) throws Exception {
    List<Path> files = new ArrayList<>();
    for (int i = 5; i < args.length; i++) {
      files.add(Path.of(args[i]));
    }
    new KnowledgeBenchmark(args).run(files);
    System.exit(0);
  }

  private void run(List<Path> files) throws Exception {
    TikaDocumentParser parser = new TikaDocumentParser();
    Chunker chunker = new Chunker(ChunkingRules.DEFAULT);
    List<String> passages = new ArrayList<>();
    List<QueryLanguage> languages = new ArrayList<>();
    List<Chunk> chunks = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      String name = file.getFileName().toString();
      ParsedDocument parsed = parser.parse(bytes, name, parser.detect(bytes, name));
      for (Chunk c : chunker.chunk(parsed.blocks())) {
        chunks.add(c);
        passages.add(c.heading().isEmpty() ? c.text() : c.heading() + "\n" + c.text());
        languages.add(QueryLanguage.of(c.text()));
      }
    }
    System.out.printf(
        "Corpus: %d files, %d passages, %d characters%n",
        files.size(), passages.size(), passages.stream().mapToInt(String::length).sum());

    try (RawEmbedding raw = new RawEmbedding(passages, languages)) {
      ingest(files, raw);
      if (!"ingestion".equals(System.getenv("WENJIN_BENCH_ONLY"))) {
        EmbeddingModel model = raw.model();
        search(chunks, passages, model.embedPassages(passages), raw);
      }
    }
  }

  // --- ingestion ---------------------------------------------------------------------------------

  private final List<Long> uploaded = new ArrayList<>();

  /**
   * Several passes over the corpus ({@code WENJIN_BENCH_PASSES}, default 4), each between two
   * measurements of the raw rate: the first pass after a start also pays for WildFly compiling the
   * code; the later ones show the server's steady state, summed up by their median.
   */
  private void ingest(List<Path> files, RawEmbedding raw) throws Exception {
    String token = api.token("gina");
    removeEarlierRun(token, files);
    StackCpu cpu = new StackCpu(Path.of(System.getProperty("wenjin.bench.stack", ".stack")));
    int passes = Integer.parseInt(System.getenv().getOrDefault("WENJIN_BENCH_PASSES", "4"));
    List<Double> warmShares = new ArrayList<>();
    double rawBefore = raw.rate();
    for (int p = 1; p <= passes; p++) {
      token = api.token("gina"); // a long run outlives a token (5 minutes)
      if (!uploaded.isEmpty()) {
        for (long id : uploaded) {
          api.deleteDocument(token, id);
        }
        uploaded.clear();
      }
      Map<String, Double> cpuBefore = cpu.seconds();
      Map<String, Double> wildflyBefore = cpu.threads("wildfly");
      Instant started = Instant.now();
      long t0 = System.nanoTime();
      for (Path file : files) {
        uploaded.add(api.upload(token, file));
      }
      double uploadSeconds = (System.nanoTime() - t0) / 1e9;
      Finished finished = awaitIndexed(token);
      double seconds = Duration.between(started, finished.last()).toNanos() / 1e9;
      double wall = (System.nanoTime() - t0) / 1e9;
      String cpuLine = StackCpu.difference(cpuBefore, cpu.seconds(), wall);
      String threadLine = StackCpu.difference(wildflyBefore, cpu.threads("wildfly"), wall);
      double rawAfter = raw.rate();
      double rate = finished.chunks() / seconds;
      double share = 100 * rate / ((rawBefore + rawAfter) / 2);
      if (p > 1) {
        warmShares.add(share);
      }
      System.out.printf(
          "Ingestion through the app (upload → indexed), pass %d%s: %d documents, %d passages in"
              + " %.1f s (uploads took %.1f s): %.2f documents/s, %.1f passages/s = %.0f%% of the"
              + " raw embedding measured just before and after%n",
          p,
          p == 1 ? " (cold if the server has just started)" : "",
          uploaded.size(),
          finished.chunks(),
          seconds,
          uploadSeconds,
          uploaded.size() / seconds,
          rate,
          share);
      System.out.println("  CPU used meanwhile: " + cpuLine);
      System.out.println("  WildFly's threads: " + threadLine);
      rawBefore = rawAfter;
    }
    if (!warmShares.isEmpty()) {
      Collections.sort(warmShares);
      System.out.printf(
          "Ingestion, warm passes (2–%d): median %.0f%% of the raw embedding rate (%.0f–%.0f%%)%n",
          passes,
          warmShares.get(warmShares.size() / 2),
          warmShares.get(0),
          warmShares.get(warmShares.size() - 1));
    }
  }

  private record Finished(int chunks, Instant last) {}

  /**
   * Waits until every uploaded document is indexed. The end is the server's own indexedAt of the
   * last one (same machine, same clock), so the figure does not depend on how often this polls, and
   * polling once a second leaves the cores to the server.
   */
  private Finished awaitIndexed(String token) throws Exception {
    while (true) {
      Thread.sleep(1000);
      JsonNode list = api.documents(token);
      int indexed = 0;
      int chunks = 0;
      Instant last = Instant.EPOCH;
      for (JsonNode d : list) {
        if (uploaded.contains(d.path("id").asLong())) {
          String status = d.path("status").asText();
          if (status.equals("FAILED")) {
            throw new IllegalStateException("indexing failed: " + d);
          }
          if (status.equals("INDEXED")) {
            indexed++;
            chunks += d.path("chunksTotal").asInt(0);
            Instant at = Instant.parse(d.path("indexedAt").asText());
            last = at.isAfter(last) ? at : last;
          }
        }
      }
      if (indexed == uploaded.size()) {
        return new Finished(chunks, last);
      }
    }
  }

  private void removeEarlierRun(String token, List<Path> files) throws Exception {
    JsonNode list = api.documents(token);
    for (JsonNode d : list) {
      for (Path f : files) {
        if (d.path("sourceName").asText().equals(f.getFileName().toString())) {
          api.deleteDocument(token, d.path("id").asLong());
        }
      }
    }
  }

  // --- search ------------------------------------------------------------------------------------

  private void search(
      List<Chunk> chunks, List<String> passages, List<float[]> vectors, RawEmbedding models)
      throws Exception {
    String tenant = index.tenantOf(uploaded.get(0));
    List<float[]> queryVectors = new ArrayList<>();
    for (String q : QUERIES) {
      queryVectors.add(models.model(QueryLanguage.of(q)).embedQuery(q)); // as the app routes it
    }
    List<String> synthetic = new ArrayList<>();
    try {
      for (int target : new int[] {10_000, 100_000}) {
        int have = index.count(tenant);
        index.fill(tenant, target - have, chunks, passages, vectors, synthetic);
        System.out.printf("%nSearch at %,d passages of the tenant:%n", index.count(tenant));
        for (int clients : new int[] {1, 10}) {
          String token = api.token("gina");
          Stats app = measure(clients, i -> api.search(token, QUERIES.get(i % QUERIES.size())));
          Stats raw =
              measure(
                  clients,
                  i ->
                      index.rawSearch(
                          tenant,
                          QUERIES.get(i % QUERIES.size()),
                          queryVectors.get(i % QUERIES.size())));
          System.out.printf(
              "  %2d client(s): app /api/search p50 %6.1f ms p95 %6.1f ms | raw ES (words, kNN, highlight) p50"
                  + " %6.1f ms p95 %6.1f ms%n",
              clients, app.p50, app.p95, raw.p50, raw.p95);
        }
      }
    } finally {
      index.removeSynthetic(synthetic);
      String token = api.token("gina");
      for (long id : uploaded) {
        api.deleteDocument(token, id);
      }
      System.out.printf(
          "%nRemoved the %d benchmark documents and %,d synthetic passages.%n",
          uploaded.size(), synthetic.size());
    }
  }

  private interface Call {
    void run(int i) throws Exception;
  }

  private record Stats(double p50, double p95) {}

  private Stats measure(int clients, Call call) throws Exception {
    int perClient = 200 / clients;
    for (int i = 0; i < 20; i++) {
      call.run(i);
    }
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perClient; i++) {
                  long t0 = System.nanoTime();
                  call.run(client * perClient + i);
                  millis.add((System.nanoTime() - t0) / 1e6);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return new Stats(
        sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1));
  }
}
