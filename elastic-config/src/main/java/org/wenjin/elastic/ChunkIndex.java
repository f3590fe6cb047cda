package org.wenjin.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The index of knowledge chunks. Applications read and write the alias {@link #ALIAS}; the concrete
 * index carries the mapping version ({@code wenjin-chunks-v3}), so a mapping change creates the
 * next version, re-feeds it from the stored originals and moves the alias (the bundled node has no
 * {@code _reindex}).
 */
public final class ChunkIndex {

  public static final String ALIAS = "wenjin-chunks";

  /**
   * v2: text fields analysed by {@code wenjin_text} (CJK bigrams from the wenjin-analysis plugin)
   * instead of {@code standard} (one token per Han character). v3: English sub-fields ({@code .en}:
   * possessives, stop words, Porter stems) of title, heading and content, and Chinese words ({@code
   * content.zh}: SmartCN) beside the bigrams.
   */
  public static final String VERSION = "v3";

  public static final String INDEX = ALIAS + "-" + VERSION;

  /** Vectors of the Chinese (default) embedding model, bge-small-zh-v1.5, in {@code embedding}. */
  public static final int DIMENSIONS = 512;

  /** Vectors of the English embedding model, bge-small-en-v1.5, in {@code embedding_en}. */
  public static final int ENGLISH_DIMENSIONS = 384;

  /** The vector fields, which no search needs back. */
  public static final List<String> VECTOR_FIELDS = List.of("embedding", "embedding_en");

  /**
   * The field that holds vectors of this length: each model writes and searches its own, so a
   * question is only compared with passages embedded by the same model.
   */
  public static String vectorField(int dimensions) {
    return switch (dimensions) {
      case DIMENSIONS -> "embedding";
      case ENGLISH_DIMENSIONS -> "embedding_en";
      default ->
          throw new IllegalStateException(
              "the embedding model gives "
                  + dimensions
                  + " dimensions; the index holds "
                  + DIMENSIONS
                  + " (Chinese) or "
                  + ENGLISH_DIMENSIONS
                  + " (English) (docs/models.md: changing the embedding model)");
    };
  }

  private ChunkIndex() {}

  /**
   * How the chunk index is spread over an Elasticsearch cluster: primary shards (fixed when the
   * index is created) and replicas of each (changed on the running index), e.g. 1 and 1 on a
   * three-node cluster so that any one node may stop.
   */
  public record Layout(int shards, int replicas) {

    public static final Layout SINGLE_NODE = new Layout(1, 0);

    public Layout {
      if (shards < 1 || shards > 64) {
        throw new IllegalArgumentException(
            "the chunk index needs 1 to 64 shards (wenjin.es.chunk-shards), not " + shards);
      }
      if (replicas < 0 || replicas > 8) {
        throw new IllegalArgumentException(
            "the chunk index takes 0 to 8 replicas (wenjin.es.chunk-replicas), not " + replicas);
      }
    }
  }

  /** {@link #ensure(ElasticsearchClient, Layout)} on one node: one shard, no replica. */
  public static boolean ensure(ElasticsearchClient es) throws IOException {
    return ensure(es, Layout.SINGLE_NODE);
  }

  /**
   * Makes the alias point to this version's index, creating it when missing with {@code layout};
   * idempotent, safe on every start. An existing index takes the layout's replicas (its shards stay
   * what they were: a new count applies to the next index version). An older version behind the
   * alias is replaced (alias moved, old index deleted): its chunks must then be written again from
   * the stored originals.
   *
   * @return true when the index was created now (empty: every document needs indexing again)
   */
  public static boolean ensure(ElasticsearchClient es, Layout layout) throws IOException {
    List<String> current = List.of();
    if (es.indices().existsAlias(a -> a.name(ALIAS)).value()) {
      GetAliasResponse alias = es.indices().getAlias(a -> a.name(ALIAS));
      current = List.copyOf(alias.aliases().keySet());
      if (current.equals(List.of(INDEX))) {
        keepReplicas(es, layout);
        return false;
      }
    }
    boolean created = false;
    if (!es.indices().exists(e -> e.index(INDEX)).value()) {
      try (Reader mapping = new StringReader(definition(layout))) {
        es.indices().create(c -> c.index(INDEX).withJson(mapping));
      }
      created = true;
    } else {
      keepReplicas(es, layout);
    }
    List<String> old = current;
    es.indices()
        .updateAliases(
            u -> {
              for (String index : old) {
                u.actions(a -> a.remove(r -> r.index(index).alias(ALIAS)));
              }
              return u.actions(a -> a.add(x -> x.index(INDEX).alias(ALIAS).isWriteIndex(true)));
            });
    for (String index : old) {
      es.indices().delete(d -> d.index(index));
    }
    return created;
  }

  private static void keepReplicas(ElasticsearchClient es, Layout layout) throws IOException {
    var index = es.indices().getSettings(g -> g.index(INDEX)).get(INDEX).settings().index();
    String replicas = String.valueOf(layout.replicas());
    if (index != null && !replicas.equals(index.numberOfReplicas())) {
      es.indices().putSettings(p -> p.index(INDEX).settings(x -> x.numberOfReplicas(replicas)));
    }
  }

  /** The index's settings and mappings, with the layout's shards and replicas. */
  static String definition(Layout layout) throws IOException {
    JsonObject base;
    try (InputStream in = mapping();
        JsonReader reader = Json.createReader(in)) {
      base = reader.readObject();
    }
    JsonObject settings =
        Json.createObjectBuilder(base.getJsonObject("settings"))
            .add("number_of_shards", layout.shards())
            .add("number_of_replicas", layout.replicas())
            .build();
    return Json.createObjectBuilder(base).add("settings", settings).build().toString();
  }

  private static InputStream mapping() {
    InputStream in = ChunkIndex.class.getResourceAsStream("chunks-" + VERSION + ".json");
    if (in == null) {
      throw new UncheckedIOException(
          new IOException("mapping chunks-" + VERSION + ".json is missing from elastic-config"));
    }
    return in;
  }
}
