package org.wenjin.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenEstimateTest {

  @Test
  void countsEachHanCharacterAndEveryFourOtherCharacters() {
    assertThat(TokenEstimate.of("年假怎么申请")).isEqualTo(6);
    assertThat(TokenEstimate.of("How do I apply")).isEqualTo(3); // 11 letters, spaces not counted
    assertThat(TokenEstimate.of("")).isZero();
  }

  @Test
  void addsUpTheMessages() {
    assertThat(TokenEstimate.of(List.of(ChatMessage.user("年假"), ChatMessage.user("leave"))))
        .isEqualTo(2 + 2);
  }
}
