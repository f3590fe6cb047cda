package org.wenjin.engine.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenjin.engine.spi.Cancellation;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.ChatModelProviders;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.Completion;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.engine.spi.ModelSettings;

/**
 * The DJL backend with a real model: a tiny decoder trained here in a few seconds (no weights can
 * be downloaded), saved, and loaded back through the registry the way an operator's model is.
 */
class DjlCausalLmTest {

  static final String LEAVE_Q = TinyModels.LEAVE_QUESTION;
  static final String LEAVE_A = TinyModels.LEAVE_ANSWER;
  static final String VPN_Q = TinyModels.VPN_QUESTION;
  static final String VPN_A = TinyModels.VPN_ANSWER;

  @TempDir static Path folder;
  private static ChatModel model;
  private static float finalLoss;

  @BeforeAll
  static void trainAndLoad() throws Exception {
    finalLoss = TinyModels.train(folder);
    model = ChatModelProviders.installed().create(settings(folder));
  }

  @AfterAll
  static void close() {
    if (model != null) {
      model.close();
    }
  }

  static ModelSettings settings(Path folder) {
    return new ModelSettings("tiny", "djl", Map.of("folder", folder.toString()));
  }

  private static ChatRequest ask(String question, GenerationOptions options) {
    return new ChatRequest(List.of(ChatMessage.user(question)), List.of(), options);
  }

  private static GenerationOptions greedy(int maxTokens, List<String> stop) {
    return new GenerationOptions(maxTokens, 0, 1, stop);
  }

  @Test
  void answersWhatItLearnedStreamingPieceByPieceAndStopsAtTheEnd() {
    List<String> pieces = new ArrayList<>();

    Completion done =
        model.generate(ask(LEAVE_Q, greedy(64, List.of())), pieces::add, new Cancellation());

    assertThat(finalLoss).as("training converged").isLessThan(TinyModels.TARGET_LOSS);
    assertThat(String.join("", pieces)).isEqualTo(LEAVE_A);
    assertThat(pieces).hasSizeGreaterThan(10);
    assertThat(done.reason()).isEqualTo(Completion.FinishReason.STOP);
  }

  @Test
  void englishToo() {
    StringBuilder answer = new StringBuilder();

    model.generate(ask(VPN_Q, greedy(64, List.of())), answer::append, new Cancellation());

    assertThat(answer.toString()).isEqualTo(VPN_A);
  }

  @Test
  void theKeyValueCacheGivesTheSameAnswerAsRecomputingEverything() {
    StringBuilder cached = new StringBuilder();
    StringBuilder recomputed = new StringBuilder();
    try (DjlCausalLm withoutCache = new DjlCausalLmProvider().load(settings(folder), false)) {
      model.generate(ask(LEAVE_Q, greedy(20, List.of())), cached::append, new Cancellation());
      withoutCache.generate(
          ask(LEAVE_Q, greedy(20, List.of())), recomputed::append, new Cancellation());
    }
    assertThat(recomputed.toString()).isEqualTo(cached.toString()).isNotEmpty();
  }

  @Test
  void theTokenLimitAndStopSequencesEndTheAnswer() {
    StringBuilder limited = new StringBuilder();
    Completion cut =
        model.generate(ask(LEAVE_Q, greedy(4, List.of())), limited::append, new Cancellation());
    assertThat(cut).isEqualTo(new Completion(Completion.FinishReason.LENGTH, 4));
    assertThat(limited.toString()).isEqualTo(LEAVE_A.substring(0, 4));

    StringBuilder stopped = new StringBuilder();
    Completion atStop =
        model.generate(ask(LEAVE_Q, greedy(64, List.of("，"))), stopped::append, new Cancellation());
    assertThat(atStop.reason()).isEqualTo(Completion.FinishReason.STOP);
    assertThat(stopped.toString()).isEqualTo("登录人事系统");
  }

  @Test
  void aCancelStopsTheGenerationAtTheNextToken() {
    Cancellation cancellation = new Cancellation();
    List<String> pieces = new ArrayList<>();

    Completion done =
        model.generate(
            ask(LEAVE_Q, greedy(64, List.of())),
            piece -> {
              pieces.add(piece);
              if (pieces.size() == 3) {
                cancellation.cancel();
              }
            },
            cancellation);

    assertThat(done.reason()).isEqualTo(Completion.FinishReason.CANCELLED);
    assertThat(pieces).hasSize(3);
  }

  @Test
  void samplingKeepsToTheNucleus() {
    float[] logits = {5f, 4.9f, -20f, -20f};
    GenerationOptions hot = new GenerationOptions(10, 1.0, 0.9, List.of());
    for (int i = 0; i < 200; i++) {
      assertThat(DjlCausalLm.pick(logits, hot)).isIn(0, 1);
    }
    assertThat(DjlCausalLm.pick(logits, greedy(1, List.of()))).isZero();
  }

  @Test
  void aFolderWithoutAModelIsReportedByName(@TempDir Path empty) throws Exception {
    assertThatThrownBy(() -> ChatModelProviders.installed().create(settings(empty.resolve("x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> ChatModelProviders.installed().create(settings(empty)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wenjin-lm.json");

    Files.copy(folder.resolve("wenjin-lm.json"), empty.resolve("wenjin-lm.json"));
    Files.copy(folder.resolve("tokenizer.json"), empty.resolve("tokenizer.json"));
    assertThatThrownBy(() -> ChatModelProviders.installed().create(settings(empty)))
        .isInstanceOf(ChatModelException.class)
        .hasMessageContaining("cannot load the DJL model wenjin-lm");
  }
}
