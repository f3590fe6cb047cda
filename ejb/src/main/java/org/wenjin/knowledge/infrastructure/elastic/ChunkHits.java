package org.wenjin.knowledge.infrastructure.elastic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wenjin.knowledge.domain.FusionWeights;
import org.wenjin.knowledge.domain.QueryLanguage;
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
   * @param mostWords the words query's minimum-should-match part matched it
   */
  record Ranked(String id, ChunkDocument chunk, Double score, boolean mostWords) {}

  private ChunkHits() {}

  /**
   * The word and vector rankings fused (weighted RRF), passages in the question's language first
   * where the weights say so; best first.
   */
  static List<SearchHit> fuse(
      List<Ranked> words, List<Ranked> vectors, FusionWeights weights, QueryLanguage question) {
    Map<String, Ranked> byId = new HashMap<>();
    Map<String, Double> similarity = new HashMap<>();
    Set<String> mostWords = new HashSet<>();
    List<String> wordRanking = new ArrayList<>();
    for (Ranked r : words) {
      byId.put(r.id(), r);
      wordRanking.add(r.id());
      if (r.mostWords()) {
        mostWords.add(r.id());
      }
    }
    List<String> vectorRanking = new ArrayList<>();
    for (Ranked r : vectors) {
      byId.putIfAbsent(r.id(), r);
      vectorRanking.add(r.id());
      similarity.put(r.id(), r.score() == null ? 0 : 2 * r.score() - 1);
    }
    List<SearchHit> hits = new ArrayList<>();
    for (Map.Entry<String, Double> fused :
        RankFusion.fuse(List.of(wordRanking, vectorRanking), weights.asArray(), weights.k())) {
      Ranked r = byId.get(fused.getKey());
      if (r.chunk() == null) {
        continue;
      }
      double score =
          weights.adjust(
              fused.getValue(),
              question,
              QueryLanguage.of(r.chunk().content() == null ? "" : r.chunk().content()));
      hits.add(
          hit(
              r.chunk(),
              List.of(), // the page shown is highlighted on its own (ChunkSearch.highlight)
              score,
              similarity.getOrDefault(r.id(), 0.0),
              mostWords.contains(r.id())));
    }
    hits.sort(
        Comparator.comparingDouble(SearchHit::score).reversed()); // stable: ties keep RRF order
    return hits;
  }

  static SearchHit hit(
      ChunkDocument d, List<String> fragments, double score, double similarity, boolean wordMatch) {
    return new SearchHit(
        Long.parseLong(d.docId()),
        d.chunk(),
        1,
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
        similarity,
        wordMatch);
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
