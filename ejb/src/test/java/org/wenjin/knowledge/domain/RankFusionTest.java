package org.wenjin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankFusionTest {

  @Test
  void aHitBothListsRankHighBeatsOneOnlyOneListHas() {
    List<Map.Entry<String, Double>> fused =
        RankFusion.fuse(List.of(List.of("a", "b", "c"), List.of("b", "x")));

    assertThat(fused).extracting(Map.Entry::getKey).startsWith("b", "a");
  }

  @Test
  void theHeavierListDecidesWhereTheListsDisagree() {
    List<List<String>> rankings = List.of(List.of("word"), List.of("vector"));

    assertThat(RankFusion.fuse(rankings, new double[] {2, 1}, 60).get(0).getKey())
        .isEqualTo("word");
    assertThat(RankFusion.fuse(rankings, new double[] {1, 2}, 60).get(0).getKey())
        .isEqualTo("vector");
  }

  @Test
  void aZeroWeightLeavesTheOtherListsOrder() {
    List<Map.Entry<String, Double>> fused =
        RankFusion.fuse(
            List.of(List.of("a", "b", "c"), List.of("c", "b", "a")), new double[] {1, 0}, 60);

    assertThat(fused).extracting(Map.Entry::getKey).containsExactly("a", "b", "c");
  }
}
