package org.wenjin.knowledge.infrastructure.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenjin.elastic.ChunkIndex;
import org.wenjin.knowledge.domain.Chunk;
import org.wenjin.knowledge.domain.Facet;
import org.wenjin.knowledge.domain.IndexedDocument;
import org.wenjin.knowledge.domain.KnowledgeIndex;
import org.wenjin.knowledge.domain.SearchHit;
import org.wenjin.knowledge.domain.SearchPage;
import org.wenjin.knowledge.domain.SearchRequest;

/**
 * Knowledge in Elasticsearch, as the domain sees it: writes go to {@link ChunkWriter}, searches to
 * {@link ChunkSearch} and {@link ChunkLookups}. Every request carries the caller's tenant (and, for
 * reads, their groups), which only {@link TenantFilter} turns into Elasticsearch values.
 */
@ApplicationScoped
public class ElasticKnowledgeIndex implements KnowledgeIndex {

  @Inject private ElasticsearchClient es;

  /** Primary shards of the chunk index, fixed when it is created (docs/scaling.md). */
  @Inject
  @ConfigProperty(name = "wenjin.es.chunk-shards", defaultValue = "1")
  int shards;

  /** Copies of each shard on other nodes: 1 lets any one node of a cluster stop. */
  @Inject
  @ConfigProperty(name = "wenjin.es.chunk-replicas", defaultValue = "0")
  int replicas;

  private ChunkWriter writer;
  private ChunkSearch search;
  private ChunkLookups lookups;

  @PostConstruct
  void connect() {
    writer = new ChunkWriter(es, new ChunkIndex.Layout(shards, replicas));
    search = new ChunkSearch(es);
    lookups = new ChunkLookups(es);
  }

  @Override
  public boolean prepare() {
    return writer.prepare();
  }

  @Override
  public CompletableFuture<Void> index(
      IndexedDocument document, List<Chunk> chunks, List<float[]> vectors, List<String> models) {
    return writer.index(document, chunks, vectors, models);
  }

  @Override
  public void delete(long documentId, int from, int to) {
    writer.delete(documentId, from, to);
  }

  @Override
  public void refresh() {
    writer.refresh();
  }

  @Override
  public List<SearchHit> passages(long documentId) {
    return lookups.passages(documentId);
  }

  @Override
  public List<String> suggest(String prefix, int max) {
    return lookups.suggest(prefix, max);
  }

  @Override
  public List<Facet> collections() {
    return lookups.collections();
  }

  @Override
  public SearchPage search(SearchRequest request) {
    return search.search(request);
  }

  @Override
  public List<SearchHit> highlight(String text, List<SearchHit> hits) {
    return search.highlight(text, hits);
  }
}
