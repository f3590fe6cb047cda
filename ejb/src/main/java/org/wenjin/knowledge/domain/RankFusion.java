package org.wenjin.knowledge.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al. 2009): a hit's score is the sum over the ranked lists of 1
 * / (k + rank). It needs no score calibration between BM25 and vector similarity, which is why
 * Elasticsearch offers it as a retriever; the bundled node lacks that retriever, so it is done
 * here.
 */
public final class RankFusion {

  /** The constant of the paper and of Elasticsearch's rrf retriever. */
  public static final int K = 60;

  private RankFusion() {}

  /** Ids in fused order with their fused scores; ties keep the order of the first list. */
  public static List<Map.Entry<String, Double>> fuse(List<List<String>> rankings) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (List<String> ranking : rankings) {
      for (int rank = 0; rank < ranking.size(); rank++) {
        scores.merge(ranking.get(rank), 1.0 / (K + rank + 1), Double::sum);
      }
    }
    List<Map.Entry<String, Double>> fused = new ArrayList<>(scores.entrySet());
    fused.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    return fused;
  }
}
