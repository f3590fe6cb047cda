package org.wenjin.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.wenjin.bench.RetrievalSet.Question;
import org.wenjin.bench.RetrievalSet.Scores;
import org.wenjin.elastic.ChunkIndex;
import org.wenjin.elastic.ElasticsearchClients;
import org.wenjin.elastic.ElasticsearchSettings;
import org.wenjin.engine.spi.EmbeddingModel;
import org.wenjin.engine.spi.EmbeddingModelProviders;
import org.wenjin.engine.spi.ModelSettings;
import org.wenjin.knowledge.domain.FusionWeights;
import org.wenjin.knowledge.domain.QueryLanguage;
import org.wenjin.knowledge.domain.RankFusion;
import org.wenjin.knowledge.infrastructure.elastic.WordsQuery;
import org.wenjin.restclient.DemoPasswords;

/**
 * Retrieval quality of {@code GET /api/search} on the labelled set of {@code bench/retrieval}
 * ({@code bench/retrieval.sh}): R@1/R@5/R@10/MRR@10 per language and half, next to plain BM25
 * ({@code match} on the passage text) and plain kNN (the same embedding models) over the same
 * passages, with the latency of each; then, on the tuning half only, the fusion weights the
 * application's own words query and the kNN ranking reach, which is how {@link FusionWeights} were
 * chosen.
 *
 * <p>Runs as gina (Globex). The documents stay for the next run ({@code WENJIN_BENCH_CLEAN=true}
 * removes them at the end).
 */
public final class RetrievalBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WenjinApi api;
  private final ElasticsearchClient es;
  private final RetrievalSet set;
  private final List<Path> files;
  private EmbeddingModel chinese;
  private EmbeddingModel english;
  private String tenant;

  private RetrievalBenchmark(String[] args) throws Exception {
    api = new WenjinApi(args[0], args[1], DemoPasswords.from(Path.of(args[4])));
    es = ElasticsearchClients.connect(ElasticsearchSettings.of(args[2], "wenjin_app", args[3]));
    set = RetrievalSet.load(Path.of(args[5]));
    files = new ArrayList<>();
    for (int i = 6; i < args.length; i++) {
      files.add(Path.of(args[i]));
    }
  }

  /**
   * Args: app URL, Keycloak URL, Elasticsearch URL, ES app password, the stack's secrets file, the
   * folder of the labelled set, documents...
   */
  public static void main(String[] args) {
    try {
      new RetrievalBenchmark(args).run();
      System.exit(0);
    } catch (Exception | Error e) { // the client's threads would keep exec:java waiting
      e.printStackTrace();
      System.exit(1);
    }
  }

  private void run() throws Exception {
    List<Long> ids = ensureIndexed();
    tenant = tenantOf(ids.get(0));
    chinese =
        EmbeddingModelProviders.installed()
            .create(new ModelSettings("bge-small-zh", "onnx", Map.of()));
    english =
        EmbeddingModelProviders.installed()
            .create(new ModelSettings("bge-small-en", "onnx", Map.of("built-in", "en")));
    checkGold();
    Map<String, Map<String, List<String[]>>> rankings = new HashMap<>();
    Map<String, List<Double>> millis = new HashMap<>();
    String token = api.token("gina");
    for (Question q : set.questions()) {
      rankings
          .computeIfAbsent("Wenjin", k -> new HashMap<>())
          .put(q.id(), timed(millis, "Wenjin " + q.lang(), () -> app(token, q.text())));
      rankings
          .computeIfAbsent("BM25", k -> new HashMap<>())
          .put(q.id(), timed(millis, "BM25 " + q.lang(), () -> bm25(q.text())));
      float[] vector = embed(q.text());
      rankings
          .computeIfAbsent("kNN", k -> new HashMap<>())
          .put(q.id(), timed(millis, "kNN " + q.lang(), () -> knn(vector, 10)));
    }
    System.out.printf(
        "%nRetrieval on %d questions (%d Chinese, %d English) over %d documents%n",
        set.questions().size(), set.of("zh", null).size(), set.of("en", null).size(), files.size());
    System.out.println("half  lang  system   n    R@1   R@5   R@10  MRR@10 | latency p50   p95 ms");
    for (String half : List.of("tune", "test")) {
      for (String lang : List.of("zh", "en")) {
        for (String system : List.of("Wenjin", "BM25", "kNN")) {
          Scores s = new Scores();
          List<Question> qs = set.of(lang, half);
          for (Question q : qs) {
            s.add(RetrievalSet.rank(q, rankings.get(system).get(q.id())));
          }
          List<Double> ms = millis.get(system + " " + lang);
          System.out.printf(
              "%-5s %-5s %-7s %3d   %s | %13.1f %5.1f%n",
              half, lang, system, qs.size(), s.row(), percentile(ms, 50), percentile(ms, 95));
        }
      }
    }
    misses(rankings.get("Wenjin"));
    tune();
    if (Boolean.parseBoolean(System.getenv().getOrDefault("WENJIN_BENCH_CLEAN", "false"))) {
      String t = api.token("gina");
      for (long id : ids) {
        api.deleteDocument(t, id);
      }
      System.out.println("Removed the " + ids.size() + " documents.");
    }
  }

  // --- the three systems -------------------------------------------------------------------------

  private List<String[]> app(String token, String q) throws Exception {
    JsonNode r = api.searchResults(token, q, 10);
    List<String[]> ranked = new ArrayList<>();
    for (JsonNode hit : r.path("results")) {
      ranked.add(new String[] {hit.path("sourceName").asText(), hit.path("heading").asText()});
    }
    return ranked;
  }

  private List<String[]> bm25(String q) throws Exception {
    return ranked(Query.of(m -> m.match(t -> t.field("content").query(q))), 10);
  }

  /**
   * The tenant's chunks that {@code query} finds, best first, as (source, heading, id, language).
   */
  private List<String[]> ranked(Query query, int size) throws Exception {
    return passages(
        es.search(
            s ->
                s.index(ChunkIndex.ALIAS)
                    .size(size)
                    .query(x -> x.bool(b -> b.must(query).filter(tenantFilter())))
                    .source(src -> src.filter(f -> f.includes("source", "heading", "content"))),
            ObjectNode.class));
  }

  private List<String[]> knn(float[] vector, int k) throws Exception {
    List<Float> v = new ArrayList<>();
    for (float f : vector) {
      v.add(f);
    }
    return passages(
        es.search(
            s ->
                s.index(ChunkIndex.ALIAS)
                    .size(k)
                    .knn(
                        n ->
                            n.field(ChunkIndex.vectorField(v.size()))
                                .queryVector(v)
                                .k(k)
                                .numCandidates(Math.max(100, 2 * k))
                                .filter(tenantFilter()))
                    .source(src -> src.filter(f -> f.includes("source", "heading", "content"))),
            ObjectNode.class));
  }

  /** The question embedded as the app does: by the model of its language. */
  private float[] embed(String question) {
    return QueryLanguage.of(question) == QueryLanguage.CHINESE
        ? chinese.embedQuery(question)
        : english.embedQuery(question);
  }

  private Query tenantFilter() {
    return Query.of(q -> q.term(t -> t.field("tenant").value(tenant)));
  }

  private static List<String[]> passages(SearchResponse<ObjectNode> r) {
    List<String[]> ranked = new ArrayList<>();
    for (Hit<ObjectNode> h : r.hits().hits()) {
      ranked.add(
          new String[] {
            h.source().path("source").asText(),
            h.source().path("heading").asText(),
            h.id(),
            QueryLanguage.of(h.source().path("content").asText()).name()
          });
    }
    return ranked;
  }

  // --- tuning ------------------------------------------------------------------------------------

  /**
   * On the tuning half only: the application's words query (WordsQuery, 100 hits) and the kNN
   * ranking (100), fused with weights from a grid; prints the best few per language.
   */
  private void tune() throws Exception {
    System.out.println(
        "\nFusion on the tuning half (words query × kNN, weighted RRF), best first:");
    for (String lang : List.of("zh", "en")) {
      List<Question> qs = set.of(lang, "tune");
      Map<String, List<String[]>> words = new HashMap<>();
      Map<String, List<String[]>> vectors = new HashMap<>();
      for (Question q : qs) {
        words.put(q.id(), wordsRanking(q.text()));
        vectors.put(q.id(), knn(embed(q.text()), 100));
      }
      QueryLanguage language = lang.equals("zh") ? QueryLanguage.CHINESE : QueryLanguage.ENGLISH;
      List<String> rows = new ArrayList<>();
      for (double w : new double[] {0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 1000}) {
        for (int k : new int[] {5, 20, 60}) {
          for (double other : new double[] {1, 0.7, 0.5, 0.3}) {
            FusionWeights weights =
                w >= 1000 ? new FusionWeights(1, 0, k, other) : new FusionWeights(w, 1, k, other);
            Scores s = new Scores();
            for (Question q : qs) {
              s.add(
                  RetrievalSet.rank(
                      q, fuse(words.get(q.id()), vectors.get(q.id()), weights, language)));
            }
            rows.add(String.format("%6.3f %6.3f|%s %s", s.mrr(), s.r1(), s.row(), weights));
          }
        }
      }
      Collections.sort(rows, Collections.reverseOrder());
      System.out.printf("  %s (%d questions):  R@1   R@5   R@10  MRR@10%n", lang, qs.size());
      FusionWeights current =
          FusionWeights.of(lang.equals("zh") ? QueryLanguage.CHINESE : QueryLanguage.ENGLISH);
      Scores now = new Scores();
      for (Question q : qs) {
        now.add(
            RetrievalSet.rank(q, fuse(words.get(q.id()), vectors.get(q.id()), current, language)));
      }
      System.out.printf("    %s  the weights in use (%s)%n", now.row(), current);
      for (String row : rows.subList(0, Math.min(8, rows.size()))) {
        System.out.println("    " + row.substring(row.indexOf('|') + 1));
      }
    }
  }

  private List<String[]> wordsRanking(String q) throws Exception {
    return ranked(WordsQuery.of(q, QueryLanguage.of(q)), 100);
  }

  /** What ChunkHits does with the two rankings (without joining neighbours). */
  private static List<String[]> fuse(
      List<String[]> words, List<String[]> vectors, FusionWeights weights, QueryLanguage question) {
    Map<String, String[]> byId = new HashMap<>();
    List<String> w = new ArrayList<>();
    for (String[] p : words) {
      byId.put(p[2], p);
      w.add(p[2]);
    }
    List<String> v = new ArrayList<>();
    for (String[] p : vectors) {
      byId.putIfAbsent(p[2], p);
      v.add(p[2]);
    }
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    for (Map.Entry<String, Double> e :
        RankFusion.fuse(List.of(w, v), weights.asArray(), weights.k())) {
      QueryLanguage passage = QueryLanguage.valueOf(byId.get(e.getKey())[3]);
      scored.add(Map.entry(e.getKey(), weights.adjust(e.getValue(), question, passage)));
    }
    scored.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    List<String[]> fused = new ArrayList<>();
    for (Map.Entry<String, Double> e : scored) {
      fused.add(byId.get(e.getKey()));
    }
    return fused;
  }

  // --- set-up and reporting ----------------------------------------------------------------------

  /** Uploads the documents gina's company lacks and waits until all are indexed. */
  private List<Long> ensureIndexed() throws Exception {
    String token = api.token("gina");
    Map<String, Long> have = new HashMap<>();
    for (JsonNode d : api.documents(token)) {
      have.put(d.path("sourceName").asText(), d.path("id").asLong());
    }
    List<Long> ids = new ArrayList<>();
    int uploaded = 0;
    for (Path f : files) {
      Long id = have.get(f.getFileName().toString());
      if (id == null) {
        id = api.upload(token, f);
        uploaded++;
      }
      ids.add(id);
    }
    long t0 = System.nanoTime();
    while (true) {
      int indexed = 0;
      int passages = 0;
      for (JsonNode d : api.documents(api.token("gina"))) {
        if (ids.contains(d.path("id").asLong())) {
          String status = d.path("status").asText();
          if (status.equals("FAILED")) {
            throw new IllegalStateException("indexing failed: " + d);
          }
          if (status.equals("INDEXED")) {
            indexed++;
            passages += d.path("chunksTotal").asInt();
          }
        }
      }
      if (indexed == ids.size()) {
        System.out.printf(
            "%d documents (%d uploaded now), %d passages, indexed after %.0f s%n",
            ids.size(), uploaded, passages, (System.nanoTime() - t0) / 1e9);
        return ids;
      }
      Thread.sleep(2000);
    }
  }

  private String tenantOf(long documentId) throws Exception {
    SearchResponse<ObjectNode> r =
        es.search(
            s ->
                s.index(ChunkIndex.ALIAS)
                    .size(1)
                    .query(q -> q.term(t -> t.field("doc_id").value(String.valueOf(documentId)))),
            ObjectNode.class);
    return r.hits().hits().get(0).source().path("tenant").asText();
  }

  /** Every question's section must exist among the indexed passages, else the set is wrong. */
  private void checkGold() throws Exception {
    Set<String> missing = new TreeSet<>();
    for (Question q : set.questions()) {
      List<String[]> passages =
          ranked(Query.of(f -> f.term(t -> t.field("source").value(q.doc()))), 500);
      if (passages.stream().noneMatch(p -> q.answeredBy(p[0], p[1]))) {
        missing.add(q.id() + " (" + q.doc() + ": " + q.section() + ")");
      }
    }
    if (!missing.isEmpty()) {
      System.out.println("No passage lies in the gold section of: " + missing);
    }
  }

  private void misses(Map<String, List<String[]>> wenjin) {
    System.out.println("\nWenjin's misses at rank 1 (question → its first hit):");
    for (Question q : set.questions()) {
      List<String[]> r = wenjin.get(q.id());
      int rank = RetrievalSet.rank(q, r);
      if (rank != 1) {
        System.out.printf(
            "  %-12s %-4s rank %-2s %s → %s%n",
            q.id(),
            q.half(),
            rank == 0 ? "-" : String.valueOf(rank),
            q.text(),
            r.isEmpty() ? "(nothing)" : r.get(0)[0] + ": " + r.get(0)[1]);
      }
    }
  }

  private interface Search {
    List<String[]> run() throws Exception;
  }

  private static List<String[]> timed(Map<String, List<Double>> millis, String key, Search s)
      throws Exception {
    long t0 = System.nanoTime();
    List<String[]> r = s.run();
    millis.computeIfAbsent(key, k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
    return r;
  }

  private static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
  }
}
