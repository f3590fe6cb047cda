package org.wenjin.knowledge.infrastructure.elastic;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wenjin.knowledge.domain.Facet;

/**
 * Keyword fields counted by Elasticsearch (the collections a caller's documents are in), read back.
 */
final class ChunkFacets {

  /** Keyword fields whose counts are read back. */
  static final List<String> FIELDS = List.of("labels", "media_type", "collection");

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
