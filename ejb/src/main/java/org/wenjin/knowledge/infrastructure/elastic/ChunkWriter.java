package org.wenjin.knowledge.infrastructure.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.wenjin.elastic.ChunkIndex;
import org.wenjin.knowledge.domain.Chunk;
import org.wenjin.knowledge.domain.IndexedDocument;

/**
 * Writes chunks: the index bootstrap, bulk index and delete by deterministic ids (the bundled node
 * has no delete-by-query), and refresh. Chunks carry the caller's tenant from {@link TenantFilter}.
 */
final class ChunkWriter {

  private final ElasticsearchClient es;

  /** The same connection, for writes that overlap the embedding of the next chunks. */
  private final ElasticsearchAsyncClient async;

  private final ChunkIndex.Layout layout;

  ChunkWriter(ElasticsearchClient es, ChunkIndex.Layout layout) {
    this.es = es;
    this.layout = layout;
    this.async = new ElasticsearchAsyncClient(es._transport(), es._transportOptions());
  }

  boolean prepare() {
    try {
      return ChunkIndex.ensure(es, layout);
    } catch (ElasticsearchException | IOException e) {
      throw Unavailable.because(e);
    }
  }

  CompletableFuture<Void> index(
      IndexedDocument document, List<Chunk> chunks, List<float[]> vectors, List<String> models) {
    String tenant = TenantFilter.tenant();
    BulkRequest.Builder bulk = new BulkRequest.Builder().index(ChunkIndex.ALIAS);
    for (int i = 0; i < chunks.size(); i++) {
      Chunk c = chunks.get(i);
      ChunkDocument doc = ChunkDocument.of(tenant, document, c, models.get(i), vectors.get(i));
      bulk.operations(op -> op.index(x -> x.id(chunkId(document.id(), c.index())).document(doc)));
    }
    return async
        .bulk(bulk.build())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                throw Unavailable.because(
                    failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure);
              }
              requireAllWritten(response);
              return null;
            });
  }

  void delete(long documentId, int from, int to) {
    TenantFilter.tenant(); // deletes too only ever happen for a caller of a tenant
    for (int start = from; start < to; start += 500) {
      BulkRequest.Builder bulk = new BulkRequest.Builder().index(ChunkIndex.ALIAS);
      for (int i = start; i < Math.min(to, start + 500); i++) {
        String id = chunkId(documentId, i);
        bulk.operations(op -> op.delete(d -> d.id(id)));
      }
      write(bulk.refresh(Refresh.WaitFor));
    }
  }

  void refresh() {
    try {
      es.indices().refresh(r -> r.index(ChunkIndex.ALIAS));
    } catch (ElasticsearchException | IOException e) {
      throw Unavailable.because(e);
    }
  }

  private void write(BulkRequest.Builder bulk) {
    try {
      requireAllWritten(es.bulk(bulk.build()));
    } catch (ElasticsearchException | IOException e) {
      throw Unavailable.because(e);
    }
  }

  private static void requireAllWritten(BulkResponse response) {
    if (response.errors()) {
      for (BulkResponseItem item : response.items()) {
        if (item.error() != null) {
          throw new IllegalStateException(
              "Elasticsearch refused chunk " + item.id() + ": " + item.error().reason());
        }
      }
    }
  }

  static String chunkId(long documentId, int chunk) {
    return documentId + "-" + chunk;
  }
}
