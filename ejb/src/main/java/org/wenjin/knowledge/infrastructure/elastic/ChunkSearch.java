package org.wenjin.knowledge.infrastructure.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.wenjin.elastic.ChunkIndex;
import org.wenjin.knowledge.domain.FacetCounts;
import org.wenjin.knowledge.domain.FusionWeights;
import org.wenjin.knowledge.domain.QueryLanguage;
import org.wenjin.knowledge.domain.SearchFilters;
import org.wenjin.knowledge.domain.SearchHit;
import org.wenjin.knowledge.domain.SearchPage;
import org.wenjin.knowledge.domain.SearchRequest;

/**
 * Hybrid search: a words query and a kNN query over the caller's visible chunks at the same time,
 * fused in Java by {@link ChunkHits} (the bundled node has no RRF) and their facets counted ({@link
 * FacetCounts}); then the excerpts of the page shown, highlighted.
 */
final class ChunkSearch {

  private final ElasticsearchClient es;

  /** The same connection: the two rankings are asked for at the same time. */
  private final ElasticsearchAsyncClient async;

  ChunkSearch(ElasticsearchClient es) {
    this.es = es;
    this.async = new ElasticsearchAsyncClient(es._transport(), es._transportOptions());
  }

  SearchPage search(SearchRequest request) {
    List<Query> filters = filters(request.filters()); // on this thread: it reads the caller
    QueryLanguage language = QueryLanguage.of(request.text());
    String vectorField;
    try {
      vectorField =
          request.vector() == null ? null : ChunkIndex.vectorField(request.vector().length);
    } catch (IllegalStateException e) { // a model the index has no field for
      throw Unavailable.because(e);
    }
    try {
      CompletableFuture<SearchResponse<ChunkDocument>> words =
          async.search(
              s ->
                  s.index(ChunkIndex.ALIAS)
                      .size(request.window())
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.must(WordsQuery.of(request.text(), language))
                                          .filter(filters)))
                      .trackTotalHits(t -> t.enabled(false)) // lets it stop at the best hits
                      .source(src -> src.filter(f -> f.excludes(ChunkIndex.VECTOR_FIELDS))),
              ChunkDocument.class);
      CompletableFuture<SearchResponse<ChunkDocument>> nearest =
          request.vector() == null
              ? CompletableFuture.completedFuture(null)
              : async.search(nearest(request, vectorField, filters), ChunkDocument.class);
      SearchResponse<ChunkDocument> wordHits = words.join();
      SearchResponse<ChunkDocument> vectorHits = nearest.join();
      List<SearchHit> fused =
          ChunkHits.fuse(
              ranked(wordHits),
              vectorHits == null ? List.of() : ranked(vectorHits),
              FusionWeights.of(language),
              language);
      return new SearchPage(fused, request.facets() ? FacetCounts.of(fused) : Map.of());
    } catch (CompletionException e) {
      throw Unavailable.because(e.getCause() == null ? e : e.getCause());
    }
  }

  /** The kNN request, on the vector field of the model that embedded the query. */
  private static co.elastic.clients.elasticsearch.core.SearchRequest nearest(
      SearchRequest request, String field, List<Query> filters) {
    List<Float> vector = new ArrayList<>(request.vector().length);
    for (float v : request.vector()) {
      vector.add(v);
    }
    return co.elastic.clients.elasticsearch.core.SearchRequest.of(
        s ->
            s.index(ChunkIndex.ALIAS)
                .size(request.window())
                .knn(
                    k ->
                        k.field(field)
                            .queryVector(vector)
                            .k(request.window())
                            .numCandidates(Math.max(100, request.window() * 2))
                            .filter(filters))
                .source(src -> src.filter(f -> f.excludes(ChunkIndex.VECTOR_FIELDS))));
  }

  /**
   * The hits' excerpts: the words query again, on just their chunks, highlighted in the field of
   * the question's language (Chinese bigrams, English stems).
   */
  List<SearchHit> highlight(String text, List<SearchHit> hits) {
    if (hits.isEmpty()) {
      return hits;
    }
    QueryLanguage language = QueryLanguage.of(text);
    List<String> ids = new ArrayList<>();
    for (SearchHit h : hits) {
      for (int c = h.chunk(); c < h.chunk() + h.chunks(); c++) {
        ids.add(ChunkWriter.chunkId(h.documentId(), c));
      }
    }
    String field = language == QueryLanguage.CHINESE ? "content" : "content.en";
    try {
      SearchResponse<Void> r =
          es.search(
              s ->
                  s.index(ChunkIndex.ALIAS)
                      .size(ids.size())
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.must(WordsQuery.of(text, language))
                                          .filter(TenantFilter.visibleToCaller())
                                          .filter(f -> f.ids(i -> i.values(ids)))))
                      .highlight(
                          h ->
                              h.preTags(ChunkHits.PRE)
                                  .postTags(ChunkHits.POST)
                                  .fields(
                                      NamedValue.of(
                                          field,
                                          HighlightField.of(
                                              f -> f.fragmentSize(160).numberOfFragments(3)))))
                      .source(src -> src.fetch(false)),
              Void.class);
      Map<String, List<String>> byId = new HashMap<>();
      r.hits().hits().forEach(h -> byId.put(h.id(), h.highlight().getOrDefault(field, List.of())));
      List<SearchHit> highlighted = new ArrayList<>(hits.size());
      for (SearchHit h : hits) {
        List<String> fragments = new ArrayList<>();
        for (int c = h.chunk(); c < h.chunk() + h.chunks(); c++) {
          byId.getOrDefault(ChunkWriter.chunkId(h.documentId(), c), List.of()).stream()
              .map(ChunkHits::safeHtml)
              .forEach(fragments::add);
        }
        highlighted.add(h.withFragments(fragments));
      }
      return highlighted;
    } catch (ElasticsearchException | IOException e) {
      throw Unavailable.because(e);
    }
  }

  /** The caller's tenant and groups, narrowed by what the user picked. */
  private static List<Query> filters(SearchFilters narrowed) {
    List<Query> filters = new ArrayList<>(TenantFilter.visibleToCaller());
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

  private static List<ChunkHits.Ranked> ranked(SearchResponse<ChunkDocument> response) {
    return response.hits().hits().stream()
        .map(
            h ->
                new ChunkHits.Ranked(
                    h.id(),
                    h.source(),
                    h.score(),
                    h.matchedQueries().containsKey(WordsQuery.MOST_WORDS)))
        .toList();
  }
}
