package org.wenjin.elastic.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cat.shards.ShardsRecord;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.wenjin.elastic.ChunkIndex;

/**
 * The chunk index on a two-node Elasticsearch cluster (bench/es-cluster.sh starts it): created by
 * {@link ChunkIndex#ensure} with one shard and one replica, written and searched, then the second
 * node is stopped (SIGTERM to its process group) and the same searches and writes are made again.
 * Prints both runs side by side: passages written per second, search latency, hits, cluster health,
 * and where the primary was.
 *
 * <p>Arguments: node 1's URL, the file with node 2's process id, passages per run.
 */
public final class EsClusterBenchmark {

  private static final int SEARCHES = 200;

  private EsClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path node2Pid = Path.of(args[1]);
    int passages = args.length > 2 ? Integer.parseInt(args[2]) : 4000;
    try (ElasticsearchClient es =
        ElasticsearchClient.of(b -> b.host(url).jsonMapper(new JacksonJsonpMapper()))) {
      ChunkIndex.ensure(es, new ChunkIndex.Layout(1, 1));
      // the primary onto node 2, the node that will stop, so that its replica on node 1 must take
      // over: first the index on node 2 alone, then the replica allowed on node 1 again
      allocateOnly(es, "node-2");
      await(es, HealthStatus.Yellow, Duration.ofMinutes(2));
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!primaryNode(es).equals("node-2")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the primary did not move to node 2 within 2 minutes (it is on "
                  + primaryNode(es)
                  + "); is node 2 in the cluster?");
        }
        Thread.sleep(200);
      }
      allocateOnly(es, null);
      await(es, HealthStatus.Green, Duration.ofMinutes(2));
      String primary = primaryNode(es);

      Run both = run(es, "two nodes", 0, passages);
      // node 2's process group (its launcher and server JVM), as the stack stops a server
      long pid = Long.parseLong(Files.readString(node2Pid).strip());
      new ProcessBuilder("kill", "-TERM", "--", "-" + pid).inheritIO().start().waitFor();
      long stopped = System.nanoTime();
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
      HealthStatus health = await(es, HealthStatus.Yellow, Duration.ofMinutes(2));
      long searchableAfter = (System.nanoTime() - stopped) / 1_000_000;
      long hitsAfterStop = count(es);
      Run one = run(es, "node 2 stopped", passages, passages);

      System.out.printf(
          "%nchunk index: 1 shard, 1 replica; the primary was on %s, node 2 stopped (SIGTERM) and"
              + " the replica on node 1 took over%n",
          primary);
      System.out.printf(
          "after the stop: health %s, %d of %d passages found, searchable again %d ms after the"
              + " stop%n%n",
          health, hitsAfterStop, passages, searchableAfter);
      System.out.printf(
          "%-16s %14s %14s %14s %10s%n",
          "", "passages/s", "search p50 ms", "search p95 ms", "hits");
      for (Run r : List.of(both, one)) {
        System.out.printf(
            "%-16s %14.0f %14.1f %14.1f %10d%n",
            r.name(), r.writesPerSecond(), r.p50(), r.p95(), r.hits());
      }
      boolean kept = hitsAfterStop == passages && one.hits() == 2L * passages;
      System.out.println(
          "es-cluster: "
              + (kept
                  ? "search and ingestion kept working with one node stopped"
                  : "PASSAGES LOST OR NOT WRITTEN"));
      if (!kept) {
        System.exit(1);
      }
    }
  }

  private record Run(String name, double writesPerSecond, double p50, double p95, long hits) {}

  /** Writes {@code count} passages numbered from {@code first}, then searches 200 times. */
  private static Run run(ElasticsearchClient es, String name, int first, int count)
      throws IOException {
    Random random = new Random(first);
    long started = System.nanoTime();
    for (int from = first; from < first + count; from += 500) {
      BulkRequest.Builder bulk = new BulkRequest.Builder().index(ChunkIndex.ALIAS);
      for (int i = from; i < Math.min(first + count, from + 500); i++) {
        Map<String, Object> passage =
            Map.of(
                "tenant",
                "bench",
                "doc_id",
                String.valueOf(i / 20),
                "chunk",
                i % 20,
                "title",
                "Document " + (i / 20),
                "content",
                words(random, 60));
        String id = (i / 20) + "-" + (i % 20);
        bulk.operations(op -> op.index(x -> x.id(id).document(passage)));
      }
      BulkResponse response = es.bulk(bulk.build());
      if (response.errors()) {
        throw new IllegalStateException("bulk failed: " + response.items().getFirst().error());
      }
    }
    es.indices().refresh(r -> r.index(ChunkIndex.ALIAS));
    double seconds = (System.nanoTime() - started) / 1e9;
    double[] millis = new double[SEARCHES];
    for (int s = 0; s < SEARCHES; s++) {
      String word = words(random, 1);
      long t = System.nanoTime();
      es.search(
          q ->
              q.index(ChunkIndex.ALIAS)
                  .query(m -> m.match(x -> x.field("content").query(word)))
                  .size(4),
          Map.class);
      millis[s] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(millis);
    return new Run(
        name, count / seconds, millis[SEARCHES / 2], millis[(int) (SEARCHES * 0.95)], count(es));
  }

  /** Allocation filtered to {@code node}'s copies only, or (null) no filter. */
  private static void allocateOnly(ElasticsearchClient es, String node) throws IOException {
    es.indices()
        .putSettings(
            p ->
                p.index(ChunkIndex.INDEX)
                    .settings(
                        x ->
                            x.otherSettings(
                                "routing.allocation.require._name",
                                JsonData.of(node == null ? "" : node))));
  }

  private static long count(ElasticsearchClient es) throws IOException {
    return es.count(c -> c.index(ChunkIndex.ALIAS)).count();
  }

  private static String primaryNode(ElasticsearchClient es) throws IOException {
    List<String> primaries = new ArrayList<>();
    for (ShardsRecord shard : es.cat().shards(s -> s.index(ChunkIndex.INDEX)).shards()) {
      if ("p".equals(shard.prirep())) {
        primaries.add(shard.node());
      }
    }
    return String.join(", ", primaries);
  }

  private static HealthStatus await(ElasticsearchClient es, HealthStatus status, Duration timeout)
      throws IOException {
    return es.cluster()
        .health(
            h ->
                h.index(ChunkIndex.ALIAS)
                    .waitForStatus(status)
                    .timeout(t -> t.time(timeout.toSeconds() + "s")))
        .status();
  }

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

  private static String words(Random random, int count) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < count; w++) {
      if (w > 0) {
        text.append(' ');
      }
      for (int c = 0; c < 3; c++) {
        text.append(LETTERS.charAt(random.nextInt(8))); // 512 words: every search finds some
      }
    }
    return text.toString();
  }
}
