package org.wenjin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacetCountsTest {

  @Test
  void countsEachValueOverTheHitsMostFrequentFirst() {
    Map<String, List<Facet>> facets =
        FacetCounts.of(
            List.of(
                hit("text/html", "handbook", List.of("hr", "policy")),
                hit("text/html", "general", List.of("hr")),
                hit("application/pdf", "general", List.of())));

    assertThat(facets.get("labels")).containsExactly(new Facet("hr", 2), new Facet("policy", 1));
    assertThat(facets.get("media_type"))
        .containsExactly(new Facet("text/html", 2), new Facet("application/pdf", 1));
    assertThat(facets.get("collection"))
        .containsExactly(new Facet("general", 2), new Facet("handbook", 1));
  }

  @Test
  void noHitsCountNothing() {
    assertThat(FacetCounts.of(List.of()).get("labels")).isEmpty();
  }

  private static SearchHit hit(String type, String collection, List<String> labels) {
    return new SearchHit(
        1, 0, 1, "T", "t", type, collection, labels, null, "", "x", List.of(), 1, 1, false);
  }
}
