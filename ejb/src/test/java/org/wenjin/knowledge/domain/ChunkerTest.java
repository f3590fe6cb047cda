package org.wenjin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  private final Chunker chunker = new Chunker(new ChunkingRules(100, 30));

  @Test
  void shortParagraphsOfOneSectionShareAChunk() {
    List<Chunk> chunks =
        chunker.chunk(
            List.of(
                new TextBlock("First paragraph.", null, "Intro", 0),
                new TextBlock("Second paragraph.", null, "Intro", 17)));

    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).text()).isEqualTo("First paragraph. Second paragraph.");
    assertThat(chunks.get(0).heading()).isEqualTo("Intro");
    assertThat(chunks.get(0).start()).isZero();
    assertThat(chunks.get(0).end()).isEqualTo(34);
  }

  @Test
  void aNewHeadingStartsANewChunk() {
    List<Chunk> chunks =
        chunker.chunk(
            List.of(
                new TextBlock("Leave rules.", null, "HR", 0),
                new TextBlock("VPN rules.", null, "IT", 13)));

    assertThat(chunks).extracting(Chunk::heading).containsExactly("HR", "IT");
    assertThat(chunks).extracting(Chunk::index).containsExactly(0, 1);
  }

  @Test
  void aNewPageStartsANewChunk() {
    List<Chunk> chunks =
        chunker.chunk(
            List.of(new TextBlock("Page one.", 1, "", 0), new TextBlock("Page two.", 2, "", 11)));

    assertThat(chunks).extracting(Chunk::page).containsExactly(1, 2);
  }

  @Test
  void chineseTextIsCutAtSentenceEndsAndNeverExceedsTheSize() {
    String sentence = "员工每年享有十五天带薪年假，需要提前一周在人事系统中提交申请。";
    String paragraph = sentence.repeat(10);
    List<Chunk> chunks = chunker.chunk(List.of(new TextBlock(paragraph, 3, "", 0)));

    assertThat(chunks).hasSizeGreaterThan(3);
    for (Chunk c : chunks) {
      assertThat(c.text().length()).isLessThanOrEqualTo(100);
      assertThat(c.text()).endsWith("。");
      assertThat(c.text()).startsWith("员工");
      assertThat(c.page()).isEqualTo(3);
    }
  }

  @Test
  void consecutiveChunksOverlapByWholeSentences() {
    String a = "Alpha sentence number one is here.";
    String b = "Bravo sentence number two is here.";
    String c = "Charlie sentence three is here.";
    String d = "Delta sentence four.";
    List<Chunk> chunks =
        new Chunker(new ChunkingRules(100, 40))
            .chunk(List.of(new TextBlock(String.join(" ", a, b, c, d), null, "", 0)));

    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(0).text()).isEqualTo(a + " " + b);
    assertThat(chunks.get(1).text()).startsWith(b.substring(0, 5)).endsWith(d);
  }

  @Test
  void aSentenceLongerThanAChunkIsCutHard() {
    String longWord = "x".repeat(250);
    List<Chunk> chunks = chunker.chunk(List.of(new TextBlock(longWord, null, "", 10)));

    assertThat(chunks).extracting(ch -> ch.text().length()).containsExactly(100, 100, 50);
    assertThat(chunks.get(2).start()).isEqualTo(210);
    assertThat(chunks.get(2).end()).isEqualTo(260);
  }

  @Test
  void offsetsPointBackIntoTheExtractedText() {
    String text = "第一句话。第二句话。" + "第三句话很长".repeat(20) + "。";
    List<Chunk> chunks = chunker.chunk(List.of(new TextBlock(text, null, "", 0)));
    List<String> fromOffsets = new ArrayList<>();
    for (Chunk c : chunks) {
      fromOffsets.add(text.substring(c.start(), c.end()));
    }
    assertThat(fromOffsets.get(0)).startsWith("第一句话。");
    assertThat(String.join("", fromOffsets)).contains("第三句话很长");
  }

  @Test
  void noBlocksGiveNoChunks() {
    assertThat(chunker.chunk(List.of())).isEmpty();
    assertThat(chunker.chunk(List.of(new TextBlock("   ", null, "", 0)))).isEmpty();
  }
}
