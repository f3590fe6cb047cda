package org.wenjin.knowledge.infrastructure.elastic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wenjin.knowledge.domain.RankFusion;
import org.wenjin.knowledge.domain.SearchHit;

/**
 * Turns the chunks Elasticsearch returned into search hits: both rankings fused, highlights made
 * safe to render. No Elasticsearch types here; {@link ChunkSearch} hands over plain {@link Ranked}
 * chunks.
 */
final class ChunkHits {

  /** Marks matches in highlights; private-use characters never occur in documents. */
  static final String PRE = "\uE000";

  static final String POST = "\uE001";

  /**
   * One chunk as a ranking returned it.
   *
   * @param score the engine's score: for kNN on cosine, (1 + cos) / 2
   */
  record Ranked(String id, ChunkDocument chunk, List<String> highlights, Double score) {}

  private ChunkHits() {}

  /** The word and vector rankings fused (RRF), best first. */
  static List<SearchHit> fuse(List<Ranked> words, List<Ranked> vectors) {
    Map<String, Ranked> byId = new HashMap<>();
    Map<String, Double> similarity = new HashMap<>();
    List<String> wordRanking = new ArrayList<>();
    for (Ranked r : words) {
      byId.put(r.id(), r);
      wordRanking.add(r.id());
    }
    List<String> vectorRanking = new ArrayList<>();
    for (Ranked r : vectors) {
      byId.putIfAbsent(r.id(), r);
      vectorRanking.add(r.id());
      similarity.put(r.id(), r.score() == null ? 0 : 2 * r.score() - 1);
    }
    List<SearchHit> hits = new ArrayList<>();
    for (Map.Entry<String, Double> fused : RankFusion.fuse(List.of(wordRanking, vectorRanking))) {
      Ranked r = byId.get(fused.getKey());
      if (r.chunk() == null) {
        continue;
      }
      List<String> fragments = r.highlights().stream().map(ChunkHits::safeHtml).toList();
      hits.add(hit(r.chunk(), fragments, fused.getValue(), similarity.getOrDefault(r.id(), 0.0)));
    }
    return hits;
  }

  static SearchHit hit(ChunkDocument d, List<String> fragments, double score, double similarity) {
    return new SearchHit(
        Long.parseLong(d.docId()),
        d.chunk(),
        d.title(),
        d.source(),
        d.mediaType(),
        d.collection(),
        d.labels() == null ? List.of() : d.labels(),
        d.page(),
        d.heading(),
        d.content(),
        fragments,
        score,
        similarity);
  }

  /** Document text escaped for HTML, matches in em: safe to render as it is. */
  static String safeHtml(String marked) {
    StringBuilder out = new StringBuilder(marked.length() + 16);
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\uE000' -> out.append("<em>");
        case '\uE001' -> out.append("</em>");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
