package org.wenjin.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.transport.endpoints.BooleanResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The index of knowledge chunks. Applications read and write the alias {@link #ALIAS}; the concrete
 * index carries the mapping version ({@code wenjin-chunks-v1}), so a mapping change creates the
 * next version, re-feeds it from the stored originals and moves the alias (the bundled node has no
 * {@code _reindex}).
 */
public final class ChunkIndex {

  public static final String ALIAS = "wenjin-chunks";
  public static final String VERSION = "v1";
  public static final String INDEX = ALIAS + "-" + VERSION;
  public static final int DIMENSIONS = 512;

  private ChunkIndex() {}

  /**
   * Creates the index and its alias when they are missing; idempotent, safe on every start.
   *
   * @return the concrete index the alias points to
   */
  public static String ensure(ElasticsearchClient es) throws IOException {
    BooleanResponse aliasExists = es.indices().existsAlias(a -> a.name(ALIAS));
    if (aliasExists.value()) {
      GetAliasResponse alias = es.indices().getAlias(a -> a.name(ALIAS));
      Map<String, ?> indices = alias.aliases();
      return indices.keySet().iterator().next();
    }
    if (!es.indices().exists(e -> e.index(INDEX)).value()) {
      try (InputStream mapping = mapping()) {
        es.indices().create(c -> c.index(INDEX).withJson(mapping));
      }
    }
    es.indices().putAlias(a -> a.index(INDEX).name(ALIAS).isWriteIndex(true));
    return INDEX;
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
