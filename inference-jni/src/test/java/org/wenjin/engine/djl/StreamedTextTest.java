package org.wenjin.engine.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamedTextTest {

  @Test
  void sendsOnlyWhatIsNewAndHoldsBackAPossibleStopSequence() {
    List<String> sent = new ArrayList<>();
    StreamedText text = new StreamedText(sent::add, List.of("</a>"));

    assertThat(text.update("Hello")).isFalse();
    assertThat(text.update("Hello wor")).isFalse();
    assertThat(text.update("Hello world<")).isFalse();
    assertThat(text.update("Hello world</")).isFalse();
    assertThat(text.update("Hello world</a>")).isTrue();

    assertThat(sent).containsExactly("Hello", " wor", "ld");
  }

  @Test
  void aHeldBackStartThatIsNotAStopIsSentLater() {
    List<String> sent = new ArrayList<>();
    StreamedText text = new StreamedText(sent::add, List.of("</a>"));

    text.update("1 <");
    text.update("1 < 2");

    assertThat(String.join("", sent)).isEqualTo("1 < 2");
  }

  @Test
  void theEndSendsWhatWasHeldBack() {
    List<String> sent = new ArrayList<>();
    StreamedText text = new StreamedText(sent::add, List.of("</a>"));

    text.update("x <");
    text.finish();

    assertThat(String.join("", sent)).isEqualTo("x <");
  }

  @Test
  void cjkSpacesFromWordPieceGoButOthersStay() {
    assertThat(CjkSpacing.join("登 录 人 事 系 统 ， 填 写")).isEqualTo("登录人事系统，填写");
    assertThat(CjkSpacing.join("open the it portal .")).isEqualTo("open the it portal .");
  }
}
