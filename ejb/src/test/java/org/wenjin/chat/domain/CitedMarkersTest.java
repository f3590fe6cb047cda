package org.wenjin.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitedMarkersTest {

  @Test
  void findsSingleGroupedAndChineseSeparatedMarkers() {
    assertThat(CitedMarkers.in("Leave needs approval [2]. See [1, 3] and [4][5]。年假[6，7]、[8、9]"))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void ignoresLinksAndWordsInBrackets() {
    assertThat(CitedMarkers.in("[see here](http://x) [a] [] [12345] none")).isEmpty();
    assertThat(CitedMarkers.in(null)).isEmpty();
  }
}
