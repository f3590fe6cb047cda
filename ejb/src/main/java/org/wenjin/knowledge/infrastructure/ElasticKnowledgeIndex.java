package org.wenjin.knowledge.infrastructure;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import org.wenjin.elastic.ChunkIndex;
import org.wenjin.knowledge.domain.Chunk;
import org.wenjin.knowledge.domain.Facet;
import org.wenjin.knowledge.domain.IndexedDocument;
import org.wenjin.knowledge.domain.KnowledgeIndex;
import org.wenjin.knowledge.domain.SearchFilters;
import org.wenjin.knowledge.domain.SearchHit;
import org.wenjin.knowledge.domain.SearchPage;
import org.wenjin.knowledge.domain.SearchRequest;
import org.wenjin.knowledge.domain.SearchUnavailableException;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;

/**
 * The one class that reads and writes knowledge in Elasticsearch. Every request carries the
 * caller's tenant (and, for searches, their groups) as filters, taken from {@link CallerScope}:
 * there is no parameter through which another tenant could be named.
 */
@ApplicationScoped
public class ElasticKnowledgeIndex implements KnowledgeIndex {

  private static final Logger LOG = Logger.getLogger(ElasticKnowledgeIndex.class.getName());

  /** Keyword fields whose values are counted over the word matches. */
  static final List<String> FACETS = List.of("labels", "media_type", "collection");

  private static final Map<String, Aggregation> FACET_AGGREGATIONS =
      FACETS.stream()
          .collect(
              java.util.stream.Collectors.toMap(
                  f -> f, f -> Aggregation.of(a -> a.terms(t -> t.field(f).size(20)))));

  /** A document view shows at most this many passages. */
  private static final int MAX_PASSAGES = 2000;

  @Inject private ElasticsearchClient es;

  /** The same connection, for writes that overlap the embedding of the next chunks. */
  private ElasticsearchAsyncClient writer;

  @PostConstruct
  void connectWriter() {
    writer = new ElasticsearchAsyncClient(es._transport(), es._transportOptions());
  }

  @Override
  public CompletableFuture<Void> index(
      IndexedDocument document, List<Chunk> chunks, List<float[]> vectors, String model) {
    String tenant = tenant(CallerScope.current());
    BulkRequest.Builder bulk = new BulkRequest.Builder().index(ChunkIndex.ALIAS);
    for (int i = 0; i < chunks.size(); i++) {
      Chunk c = chunks.get(i);
      float[] vector = vectors.get(i);
      if (vector.length != ChunkIndex.DIMENSIONS) {
        throw new IllegalStateException(
            "the embedding model gives "
                + vector.length
                + " dimensions; the index holds "
                + ChunkIndex.DIMENSIONS
                + " (docs/models.md: changing the embedding model)");
      }
      ChunkDocument doc =
          new ChunkDocument(
              tenant,
              String.valueOf(document.id()),
              c.index(),
              document.title(),
              c.text(),
              c.heading(),
              document.sourceName(),
              document.collection(),
              document.labels(),
              document.mediaType(),
              document.visibleTo().isEmpty()
                  ? List.of(ChunkDocument.EVERYONE)
                  : document.visibleTo(),
              c.page(),
              c.start(),
              c.end(),
              document.updated().toString(),
              model,
              vector);
      bulk.operations(op -> op.index(x -> x.id(chunkId(document.id(), c.index())).document(doc)));
    }
    return writer
        .bulk(bulk.build())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                throw unavailable(
                    failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure);
              }
              requireAllWritten(response);
              return null;
            });
  }

  @Override
  public void delete(long documentId, int from, int to) {
    tenant(CallerScope.current()); // deletes too only ever happen for a caller of a tenant
    for (int start = from; start < to; start += 500) {
      BulkRequest.Builder bulk = new BulkRequest.Builder().index(ChunkIndex.ALIAS);
      for (int i = start; i < Math.min(to, start + 500); i++) {
        String id = chunkId(documentId, i);
        bulk.operations(op -> op.delete(d -> d.id(id)));
      }
      write(bulk.refresh(Refresh.WaitFor));
    }
  }

  @Override
  public void refresh() {
    try {
      es.indices().refresh(r -> r.index(ChunkIndex.ALIAS));
    } catch (ElasticsearchException | IOException e) {
      throw unavailable(e);
    }
  }

  @Override
  public List<SearchHit> passages(long documentId) {
    ActingCaller caller = CallerScope.current();
    List<Query> filters = new ArrayList<>(filters(caller, SearchFilters.NONE));
    filters.add(Query.of(q -> q.term(t -> t.field("doc_id").value(String.valueOf(documentId)))));
    try {
      SearchResponse<ChunkDocument> found =
          es.search(
              s ->
                  s.index(ChunkIndex.ALIAS)
                      .size(MAX_PASSAGES)
                      .query(q -> q.bool(b -> b.filter(filters)))
                      .sort(o -> o.field(f -> f.field("chunk").order(SortOrder.Asc)))
                      .source(src -> src.filter(f -> f.excludes("embedding"))),
              ChunkDocument.class);
      List<SearchHit> passages = new ArrayList<>();
      for (Hit<ChunkDocument> hit : found.hits().hits()) {
        if (hit.source() != null) {
          passages.add(ChunkHits.hit(hit.source(), List.of(), 0, 0));
        }
      }
      return passages;
    } catch (ElasticsearchException | IOException e) {
      throw unavailable(e);
    }
  }

  @Override
  public List<String> suggest(String prefix, int max) {
    List<Query> filters = filters(CallerScope.current(), SearchFilters.NONE);
    try {
      SearchResponse<ChunkDocument> found =
          es.search(
              s ->
                  s.index(ChunkIndex.ALIAS)
                      .size(max * 5)
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.filter(filters)
                                          .minimumShouldMatch("1")
                                          .should(
                                              p ->
                                                  p.matchPhrasePrefix(
                                                      m ->
                                                          m.field("title").query(prefix).boost(2f)))
                                          .should(
                                              p ->
                                                  p.matchPhrasePrefix(
                                                      m -> m.field("heading").query(prefix)))))
                      .source(src -> src.filter(f -> f.includes("title", "heading"))),
              ChunkDocument.class);
      java.util.LinkedHashSet<String> suggestions = new java.util.LinkedHashSet<>();
      String needle = prefix.toLowerCase(java.util.Locale.ROOT);
      for (Hit<ChunkDocument> hit : found.hits().hits()) {
        ChunkDocument d = hit.source();
        if (d == null) {
          continue;
        }
        if (d.title() != null && d.title().toLowerCase(java.util.Locale.ROOT).contains(needle)) {
          suggestions.add(d.title());
        }
        if (d.heading() != null) {
          for (String part : d.heading().split(" › ")) {
            if (part.toLowerCase(java.util.Locale.ROOT).contains(needle)) {
              suggestions.add(part);
            }
          }
        }
      }
      return suggestions.stream().limit(max).toList();
    } catch (ElasticsearchException | IOException e) {
      throw unavailable(e);
    }
  }

  @Override
  public List<Facet> collections() {
    List<Query> filters = filters(CallerScope.current(), SearchFilters.NONE);
    try {
      SearchResponse<ChunkDocument> found =
          es.search(
              s ->
                  s.index(ChunkIndex.ALIAS)
                      .size(0)
                      .query(q -> q.bool(b -> b.filter(filters)))
                      .aggregations(
                          "collection",
                          Aggregation.of(a -> a.terms(t -> t.field("collection").size(100)))),
              ChunkDocument.class);
      return facets(found).getOrDefault("collection", List.of());
    } catch (ElasticsearchException | IOException e) {
      throw unavailable(e);
    }
  }

  @Override
  public SearchPage search(SearchRequest request) {
    ActingCaller caller = CallerScope.current();
    List<Query> filters = filters(caller, request.filters());
    try {
      SearchResponse<ChunkDocument> words =
          es.search(
              s ->
                  s.index(ChunkIndex.ALIAS)
                      .size(request.window())
                      .query(q -> q.bool(b -> b.must(wordsQuery(request.text())).filter(filters)))
                      .highlight(
                          h ->
                              h.preTags(ChunkHits.PRE)
                                  .postTags(ChunkHits.POST)
                                  .fields(
                                      NamedValue.of(
                                          "content",
                                          HighlightField.of(
                                              f -> f.fragmentSize(160).numberOfFragments(3)))))
                      .aggregations(request.facets() ? FACET_AGGREGATIONS : Map.of())
                      .source(src -> src.filter(f -> f.excludes("embedding"))),
              ChunkDocument.class);
      List<ChunkHits.Ranked> vectors = List.of();
      if (request.vector() != null) {
        List<Float> vector = new ArrayList<>(request.vector().length);
        for (float v : request.vector()) {
          vector.add(v);
        }
        vectors =
            ranked(
                es.search(
                    s ->
                        s.index(ChunkIndex.ALIAS)
                            .size(request.window())
                            .knn(
                                k ->
                                    k.field("embedding")
                                        .queryVector(vector)
                                        .k(request.window())
                                        .numCandidates(Math.max(100, request.window() * 2))
                                        .filter(filters))
                            .source(src -> src.filter(f -> f.excludes("embedding"))),
                    ChunkDocument.class));
      }
      return new SearchPage(ChunkHits.fuse(ranked(words), vectors), facets(words));
    } catch (ElasticsearchException | IOException e) {
      throw unavailable(e);
    }
  }

  /** Words: title, heading and text; a phrase match counts double (Chinese is one token a char). */
  private static Query wordsQuery(String text) {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.must(
                            m ->
                                m.multiMatch(
                                    mm ->
                                        mm.query(text)
                                            .fields("title^2", "heading^1.5", "content")
                                            .minimumShouldMatch("2<70%")))
                        .should(
                            s -> s.matchPhrase(p -> p.field("content").query(text).boost(2f)))));
  }

  private static List<ChunkHits.Ranked> ranked(SearchResponse<ChunkDocument> response) {
    return response.hits().hits().stream()
        .map(
            h ->
                new ChunkHits.Ranked(
                    h.id(),
                    h.source(),
                    h.highlight().getOrDefault("content", List.of()),
                    h.score()))
        .toList();
  }

  private static Map<String, List<Facet>> facets(SearchResponse<ChunkDocument> words) {
    Map<String, List<Facet>> facets = new java.util.LinkedHashMap<>();
    for (String field : FACETS) {
      Aggregate aggregate = words.aggregations().get(field);
      if (aggregate == null) {
        continue;
      }
      List<Facet> values = new ArrayList<>();
      if (aggregate != null && aggregate.isSterms()) {
        for (StringTermsBucket b : aggregate.sterms().buckets().array()) {
          values.add(new Facet(b.key().stringValue(), b.docCount()));
        }
      }
      facets.put(field, values);
    }
    return facets;
  }

  private static List<Query> filters(ActingCaller caller, SearchFilters narrowed) {
    List<FieldValue> visible = new ArrayList<>();
    visible.add(FieldValue.of(ChunkDocument.EVERYONE));
    caller.groups().forEach(g -> visible.add(FieldValue.of(g)));
    List<Query> filters = new ArrayList<>();
    filters.add(Query.of(q -> q.term(t -> t.field("tenant").value(tenant(caller)))));
    filters.add(Query.of(q -> q.terms(t -> t.field("visible_to").terms(v -> v.value(visible)))));
    if (!narrowed.collections().isEmpty()) {
      List<FieldValue> collections = narrowed.collections().stream().map(FieldValue::of).toList();
      filters.add(
          Query.of(q -> q.terms(t -> t.field("collection").terms(v -> v.value(collections)))));
    }
    narrowed
        .label()
        .ifPresent(l -> filters.add(Query.of(q -> q.term(t -> t.field("labels").value(l)))));
    narrowed
        .mediaType()
        .ifPresent(m -> filters.add(Query.of(q -> q.term(t -> t.field("media_type").value(m)))));
    return filters;
  }

  private void write(BulkRequest.Builder bulk) {
    try {
      requireAllWritten(es.bulk(bulk.build()));
    } catch (ElasticsearchException | IOException e) {
      throw unavailable(e);
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

  @Override
  public boolean prepare() {
    try {
      return ChunkIndex.ensure(es);
    } catch (ElasticsearchException | IOException e) {
      throw unavailable(e);
    }
  }

  private static String tenant(ActingCaller caller) {
    return String.valueOf(caller.tenantId());
  }

  static String chunkId(long documentId, int chunk) {
    return documentId + "-" + chunk;
  }

  private static SearchUnavailableException unavailable(Throwable e) {
    return new SearchUnavailableException(
        "The search service is not available right now ("
            + e.getMessage()
            + "); try again shortly.",
        e);
  }
}
