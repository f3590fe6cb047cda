package org.wenjin.knowledge.infrastructure.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wenjin.elastic.ChunkIndex;
import org.wenjin.knowledge.domain.SearchFilters;
import org.wenjin.knowledge.domain.SearchPage;
import org.wenjin.knowledge.domain.SearchRequest;

/**
 * Hybrid search: a words query (with highlights and facets) and a kNN query over the caller's
 * visible chunks, fused in Java by {@link ChunkHits} (the bundled node has no RRF).
 */
final class ChunkSearch {

  private final ElasticsearchClient es;

  ChunkSearch(ElasticsearchClient es) {
    this.es = es;
  }

  SearchPage search(SearchRequest request) {
    List<Query> filters = filters(request.filters());
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
                      .aggregations(request.facets() ? ChunkFacets.AGGREGATIONS : Map.of())
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
      return new SearchPage(ChunkHits.fuse(ranked(words), vectors), ChunkFacets.read(words));
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
}
