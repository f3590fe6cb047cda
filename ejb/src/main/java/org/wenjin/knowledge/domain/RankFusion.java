package org.wenjin.knowledge.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted reciprocal rank fusion (Cormack et al. 2009): a hit's score is the sum over the ranked
 * lists of weight / (k + rank). It needs no calibration between BM25 scores and vector
 * similarities, which is why Elasticsearch offers it as a retriever; the bundled node lacks that
 * retriever, so it is done here. The weights let one list count more where it is known to rank
 * better (see {@link FusionWeights}).
 */
public final class RankFusion {

  /** The constant of the paper and of Elasticsearch's rrf retriever. */
  public static final int K = 60;

  private RankFusion() {}

  /** Equal weights and {@link #K}. */
  public static List<Map.Entry<String, Double>> fuse(List<List<String>> rankings) {
    double[] weights = new double[rankings.size()];
    java.util.Arrays.fill(weights, 1.0);
    return fuse(rankings, weights, K);
  }

  /** Ids in fused order with their fused scores; ties keep the order of the first list. */
  public static List<Map.Entry<String, Double>> fuse(
      List<List<String>> rankings, double[] weights, int k) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int list = 0; list < rankings.size(); list++) {
      List<String> ranking = rankings.get(list);
      for (int rank = 0; rank < ranking.size(); rank++) {
        scores.merge(ranking.get(rank), weights[list] / (k + rank + 1), Double::sum);
      }
    }
    List<Map.Entry<String, Double>> fused = new ArrayList<>(scores.entrySet());
    fused.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    return fused;
  }
}
