package org.wenjin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NeighbourMergeTest {

  @Test
  void neighbouringPassagesOfADocumentBecomeOneWithoutTheRepeatedOverlap() {
    List<SearchHit> merged =
        NeighbourMerge.merge(
            List.of(
                hit(1, 4, "申请年假需要提前一周。经理审批后生效。", 0.9),
                hit(2, 0, "Unrelated.", 0.8),
                hit(1, 3, "员工每年享有十五天年假。申请年假需要提前一周。", 0.7)));

    assertThat(merged).hasSize(2);
    SearchHit joined = merged.get(0);
    assertThat(joined.chunk()).as("links to the first part").isEqualTo(3);
    assertThat(joined.text()).isEqualTo("员工每年享有十五天年假。申请年假需要提前一周。经理审批后生效。");
    assertThat(joined.score()).as("its best part's rank").isEqualTo(0.9);
    assertThat(merged.get(1).documentId()).isEqualTo(2);
  }

  @Test
  void distantPassagesAndOtherDocumentsStayApart() {
    List<SearchHit> merged =
        NeighbourMerge.merge(List.of(hit(1, 1, "A.", 1), hit(1, 5, "B.", 1), hit(2, 2, "C.", 1)));

    assertThat(merged).extracting(SearchHit::text).containsExactly("A.", "B.", "C.");
  }

  @Test
  void passagesOfAnotherPageOrSectionStayApart() {
    SearchHit page1 =
        new SearchHit(
            1,
            0,
            1,
            "T",
            "t.pdf",
            "application/pdf",
            "general",
            List.of(),
            1,
            "",
            "A.",
            List.of(),
            1,
            1,
            true);
    SearchHit page2 =
        new SearchHit(
            1,
            1,
            1,
            "T",
            "t.pdf",
            "application/pdf",
            "general",
            List.of(),
            2,
            "",
            "B.",
            List.of(),
            1,
            1,
            true);

    assertThat(NeighbourMerge.merge(List.of(page1, page2))).hasSize(2);
  }

  @Test
  void aJoinedPassageStopsGrowingAtThreeChunks() {
    List<SearchHit> merged =
        NeighbourMerge.merge(
            List.of(
                hit(1, 1, "One.", 1),
                hit(1, 2, "Two.", 1),
                hit(1, 3, "Three.", 1),
                hit(1, 4, "Four.", 1)));

    assertThat(merged).extracting(SearchHit::text).containsExactly("One. Two. Three.", "Four.");
    assertThat(merged).extracting(SearchHit::chunks).containsExactly(3, 1);
  }

  @Test
  void aJoinedPassageStaysWithinTheLengthAModelIsHanded() {
    String sentence = "x".repeat(499) + ".";
    List<SearchHit> merged =
        NeighbourMerge.merge(
            List.of(hit(1, 1, sentence, 1), hit(1, 2, sentence, 1), hit(1, 3, sentence, 1)));

    assertThat(merged).hasSize(2);
    assertThat(merged)
        .allSatisfy(h -> assertThat(h.text().length()).isLessThanOrEqualTo(ChunkingRules.MAX_SIZE));
  }

  @Test
  void aJoinedPassageIsGoodWhenAnyOfItsPartsIs() {
    SearchHit words = hit(1, 1, "A.", 1);
    SearchHit near = hit(1, 2, "B.", 0.5);
    SearchHit joined =
        NeighbourMerge.merge(
                List.of(
                    new SearchHit(
                        1,
                        1,
                        1,
                        "T",
                        "t.md",
                        "text/markdown",
                        "general",
                        List.of(),
                        null,
                        "",
                        words.text(),
                        List.of(),
                        1,
                        0.1,
                        true),
                    near))
            .get(0);

    assertThat(joined.wordMatch()).isTrue();
    assertThat(joined.isGood(0.9)).isTrue();
    assertThat(near.isGood(0.9)).as("neither near enough nor a word match").isFalse();
  }

  private static SearchHit hit(long doc, int chunk, String text, double score) {
    return new SearchHit(
        doc,
        chunk,
        1,
        "T",
        "t.md",
        "text/markdown",
        "general",
        List.of(),
        null,
        "",
        text,
        List.of(),
        score,
        score,
        false);
  }
}
