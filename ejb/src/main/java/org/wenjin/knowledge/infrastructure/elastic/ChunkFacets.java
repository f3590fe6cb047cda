package org.wenjin.knowledge.infrastructure.elastic;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.wenjin.knowledge.domain.Facet;

/** The keyword fields counted over a search's matches, asked for and read back. */
final class ChunkFacets {

  /** Keyword fields whose values are counted over the word matches. */
  static final List<String> FIELDS = List.of("labels", "media_type", "collection");

  static final Map<String, Aggregation> AGGREGATIONS =
      FIELDS.stream()
          .collect(
              Collectors.toMap(
                  f -> f, f -> Aggregation.of(a -> a.terms(t -> t.field(f).size(20)))));

  private ChunkFacets() {}

  /** The counts per field that the response holds (fields it was not asked for are absent). */
  static Map<String, List<Facet>> read(SearchResponse<ChunkDocument> response) {
    Map<String, List<Facet>> facets = new LinkedHashMap<>();
    for (String field : FIELDS) {
      Aggregate aggregate = response.aggregations().get(field);
      if (aggregate == null) {
        continue;
      }
      List<Facet> values = new ArrayList<>();
      if (aggregate.isSterms()) {
        for (StringTermsBucket b : aggregate.sterms().buckets().array()) {
          values.add(new Facet(b.key().stringValue(), b.docCount()));
        }
      }
      facets.put(field, values);
    }
    return facets;
  }
}
