package org.wenjin.knowledge.infrastructure.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.wenjin.elastic.ChunkIndex;
import org.wenjin.knowledge.domain.Facet;
import org.wenjin.knowledge.domain.SearchHit;

/**
 * Reads around a search, always within the caller's visible chunks: one document's passages, the
 * search box's suggestions and the collections to pick from.
 */
final class ChunkLookups {

  /** A document view shows at most this many passages. */
  private static final int MAX_PASSAGES = 2000;

  private final ElasticsearchClient es;

  ChunkLookups(ElasticsearchClient es) {
    this.es = es;
  }

  List<SearchHit> passages(long documentId) {
    List<Query> filters = new ArrayList<>(TenantFilter.visibleToCaller());
    filters.add(Query.of(q -> q.term(t -> t.field("doc_id").value(String.valueOf(documentId)))));
    try {
      SearchResponse<ChunkDocument> found =
          es.search(
              s ->
                  s.index(ChunkIndex.ALIAS)
                      .size(MAX_PASSAGES)
                      .query(q -> q.bool(b -> b.filter(filters)))
                      .sort(o -> o.field(f -> f.field("chunk").order(SortOrder.Asc)))
                      .source(src -> src.filter(f -> f.excludes(ChunkIndex.VECTOR_FIELDS))),
              ChunkDocument.class);
      List<SearchHit> passages = new ArrayList<>();
      for (Hit<ChunkDocument> hit : found.hits().hits()) {
        if (hit.source() != null) {
          passages.add(ChunkHits.hit(hit.source(), List.of(), 0, 0, false));
        }
      }
      return passages;
    } catch (ElasticsearchException | IOException e) {
      throw Unavailable.because(e);
    }
  }

  List<String> suggest(String prefix, int max) {
    List<Query> filters = TenantFilter.visibleToCaller();
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
      return suggestions(found, prefix.toLowerCase(Locale.ROOT), max);
    } catch (ElasticsearchException | IOException e) {
      throw Unavailable.because(e);
    }
  }

  /** Titles and heading parts that contain the prefix, in hit order, without duplicates. */
  private static List<String> suggestions(
      SearchResponse<ChunkDocument> found, String needle, int max) {
    LinkedHashSet<String> suggestions = new LinkedHashSet<>();
    for (Hit<ChunkDocument> hit : found.hits().hits()) {
      ChunkDocument d = hit.source();
      if (d == null) {
        continue;
      }
      if (d.title() != null && d.title().toLowerCase(Locale.ROOT).contains(needle)) {
        suggestions.add(d.title());
      }
      if (d.heading() != null) {
        for (String part : d.heading().split(" › ")) {
          if (part.toLowerCase(Locale.ROOT).contains(needle)) {
            suggestions.add(part);
          }
        }
      }
    }
    return suggestions.stream().limit(max).toList();
  }

  List<Facet> collections() {
    List<Query> filters = TenantFilter.visibleToCaller();
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
      return ChunkFacets.read(found).getOrDefault("collection", List.of());
    } catch (ElasticsearchException | IOException e) {
      throw Unavailable.because(e);
    }
  }
}
