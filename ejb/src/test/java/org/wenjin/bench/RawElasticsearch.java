package org.wenjin.bench;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.wenjin.knowledge.domain.Chunk;
import org.wenjin.knowledge.domain.QueryLanguage;
import org.wenjin.knowledge.infrastructure.elastic.WordsQuery;

/**
 * The benchmark's direct line to the chunk index, as the application's Elasticsearch user: the raw
 * queries the app's search is compared with, and synthetic passages to reach 10k and 100k.
 */
final class RawElasticsearch {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ALIAS = "wenjin-chunks";
  private static final long SYNTHETIC_DOC_IDS = 9_000_000_000L;

  private final String es;
  private final String auth;

  RawElasticsearch(String url, String appPassword) {
    this.es = url;
    this.auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("wenjin_app:" + appPassword).getBytes(StandardCharsets.UTF_8));
  }

  /** The three requests ChunkSearch sends for one search (same query, filters and options). */
  void rawSearch(String tenant, String query, float[] vector) throws Exception {
    ArrayNode filters = filters(tenant);
    ObjectNode words = JSON.createObjectNode().put("size", 100);
    ObjectNode bool = words.putObject("query").putObject("bool");
    // the application's own words query, as the client would send it
    bool.putArray("must")
        .add(
            JSON.readTree(
                JsonpUtils.toJsonString(
                    WordsQuery.of(query, QueryLanguage.of(query)), new JacksonJsonpMapper())));
    bool.set("filter", filters);
    words.putObject("_source").putArray("excludes").add("embedding").add("embedding_en");
    words.put("track_total_hits", false);
    JsonNode wordHits = esSearch(words).path("hits").path("hits");

    ObjectNode knn = JSON.createObjectNode().put("size", 100);
    ObjectNode k =
        knn.putObject("knn")
            .put("field", org.wenjin.elastic.ChunkIndex.vectorField(vector.length))
            .put("k", 100)
            .put("num_candidates", 200);
    ArrayNode v = k.putArray("query_vector");
    for (float f : vector) {
      v.add(f);
    }
    k.set("filter", filters(tenant));
    knn.putObject("_source").putArray("excludes").add("embedding").add("embedding_en");
    esSearch(knn);

    // the page shown highlighted: the words query on its ten chunks
    ObjectNode page = JSON.createObjectNode().put("size", 10);
    ObjectNode pageBool = page.putObject("query").putObject("bool");
    pageBool.set("must", bool.path("must"));
    ArrayNode pageFilters = filters(tenant);
    ArrayNode ids = pageFilters.addObject().putObject("ids").putArray("values");
    for (int i = 0; i < Math.min(10, wordHits.size()); i++) {
      ids.add(wordHits.get(i).path("_id").asText());
    }
    pageBool.set("filter", pageFilters);
    ObjectNode highlight = page.putObject("highlight");
    highlight.putArray("pre_tags").add("\uE000");
    highlight.putArray("post_tags").add("\uE001");
    String field = QueryLanguage.of(query) == QueryLanguage.CHINESE ? "content" : "content.en";
    highlight
        .putObject("fields")
        .putObject(field)
        .put("fragment_size", 160)
        .put("number_of_fragments", 3);
    page.put("_source", false);
    esSearch(page);
  }

  private static ArrayNode filters(String tenant) {
    ArrayNode filters = JSON.createArrayNode();
    filters.addObject().putObject("term").put("tenant", tenant);
    filters.addObject().putObject("terms").putArray("visible_to").add("*"); // gina has no groups
    return filters;
  }

  private JsonNode esSearch(ObjectNode body) throws Exception {
    HttpResponse<String> r = esPost("_search", "application/json", body.toString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Elasticsearch: " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** The tenant (as the index stores it) of a document the app indexed. */
  String tenantOf(long documentId) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("size", 1);
    body.putObject("query").putObject("term").put("doc_id", String.valueOf(documentId));
    HttpResponse<String> r = esPost("_search", "application/json", body.toString());
    return JSON.readTree(r.body())
        .path("hits")
        .path("hits")
        .get(0)
        .path("_source")
        .path("tenant")
        .asText();
  }

  int count(String tenant) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("query").putObject("term").put("tenant", tenant);
    HttpResponse<String> r = esPost("_count", "application/json", body.toString());
    return JSON.readTree(r.body()).path("count").asInt();
  }

  /**
   * Adds {@code n} passages to the tenant: the corpus again and again, each copy numbered, its
   * vector jittered (and re-normalised) so the vector index holds distinct points.
   */
  void fill(
      String tenant,
      int n,
      List<Chunk> chunks,
      List<String> passages,
      List<float[]> vectors,
      List<String> ids)
      throws Exception {
    Random random = new Random(42);
    long t0 = System.nanoTime();
    int added = 0;
    while (added < n) {
      StringBuilder bulk = new StringBuilder();
      int batch = Math.min(1000, n - added);
      for (int b = 0; b < batch; b++, added++) {
        int source = (ids.size()) % passages.size();
        String id = "bench-" + ids.size();
        ids.add(id);
        float[] v = vectors.get(source).clone();
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
          v[d] += (float) (random.nextGaussian() * 0.02);
          norm += v[d] * v[d];
        }
        ArrayNode vector = JSON.createArrayNode();
        for (float f : v) {
          vector.add(f / Math.sqrt(norm));
        }
        Chunk c = chunks.get(source);
        ObjectNode doc =
            JSON.createObjectNode()
                .put("tenant", tenant)
                // numeric like real document ids, far above them
                .put("doc_id", String.valueOf(SYNTHETIC_DOC_IDS + ids.size() / 50))
                .put("chunk", ids.size() % 50)
                .put("title", "Benchmark copy " + (ids.size() / passages.size()))
                .put("content", c.text())
                .put("heading", c.heading())
                .put("source", "bench.html")
                .put("collection", "bench")
                .put("media_type", "text/html")
                .put("start", c.start())
                .put("end", c.end())
                .put("updated", "2026-11-28T00:00:00Z")
                .put("model", "bge-small-zh-v1.5-q");
        doc.putArray("labels");
        doc.putArray("visible_to").add("*");
        doc.set("embedding", vector);
        bulk.append("{\"index\":{\"_id\":\"").append(id).append("\"}}\n").append(doc).append('\n');
      }
      bulkRequest(bulk.toString());
    }
    esPost("_refresh", "application/json", "");
    if (n > 0) {
      System.out.printf(
          "%nLoaded %,d synthetic passages straight into Elasticsearch in %.1f s%n",
          n, (System.nanoTime() - t0) / 1e9);
    }
  }

  void removeSynthetic(List<String> ids) throws Exception {
    for (int from = 0; from < ids.size(); from += 1000) {
      StringBuilder bulk = new StringBuilder();
      for (String id : ids.subList(from, Math.min(ids.size(), from + 1000))) {
        bulk.append("{\"delete\":{\"_id\":\"").append(id).append("\"}}\n");
      }
      bulkRequest(bulk.toString());
    }
  }

  private void bulkRequest(String ndjson) throws Exception {
    HttpResponse<String> r = esPost("_bulk", "application/x-ndjson", ndjson);
    if (r.statusCode() != 200 || JSON.readTree(r.body()).path("errors").asBoolean()) {
      throw new IllegalStateException(
          "bulk failed: " + r.body().substring(0, Math.min(500, r.body().length())));
    }
  }

  /** A request to the chunk index as the application's Elasticsearch user. */
  private HttpResponse<String> esPost(String endpoint, String contentType, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(es + "/" + ALIAS + "/" + endpoint))
            .header("Authorization", auth)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
