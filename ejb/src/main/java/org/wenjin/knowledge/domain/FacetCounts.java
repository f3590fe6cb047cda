package org.wenjin.knowledge.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Labels, file types and collections counted over a search's ranked hits (the window a user can
 * page through), most frequent first. Counted here rather than by Elasticsearch: an aggregation
 * makes the words query visit every passage that shares a single word with the question, where
 * without one it stops early at the best hundred (at 100,000 passages that was most of a search's
 * time).
 */
public final class FacetCounts {

  /** At most this many values per field. */
  static final int MAX_VALUES = 20;

  private FacetCounts() {}

  /** By field ("labels", "media_type", "collection"). */
  public static Map<String, List<Facet>> of(List<SearchHit> hits) {
    Map<String, List<Facet>> facets = new LinkedHashMap<>();
    facets.put("labels", count(hits, SearchHit::labels));
    facets.put("media_type", count(hits, h -> List.of(h.mediaType())));
    facets.put("collection", count(hits, h -> List.of(h.collection())));
    return facets;
  }

  private static List<Facet> count(List<SearchHit> hits, Function<SearchHit, List<String>> values) {
    Map<String, Long> counts = new TreeMap<>();
    for (SearchHit h : hits) {
      for (String v : values.apply(h)) {
        if (v != null && !v.isBlank()) {
          counts.merge(v, 1L, Long::sum);
        }
      }
    }
    List<Facet> facets = new ArrayList<>();
    counts.forEach((v, n) -> facets.add(new Facet(v, n)));
    facets.sort(Comparator.comparingLong(Facet::count).reversed()); // stable: ties by value
    return facets.subList(0, Math.min(MAX_VALUES, facets.size()));
  }
}
