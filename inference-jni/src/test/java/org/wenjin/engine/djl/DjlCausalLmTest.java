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
  void readsTheWholeConversationAndAnswersItsLastQuestion() {
    // the platform's own system prompt (as Wenjin sends it), then earlier turns
    String system = TinyModels.platformPrompt("Globex");
    StringBuilder alone = new StringBuilder();
    StringBuilder withHistory = new StringBuilder();

    model.generate(
        new ChatRequest(
            List.of(ChatMessage.system(system), ChatMessage.user(LEAVE_Q)),
            List.of(),
            greedy(64, List.of())),
        alone::append,
        new Cancellation());
    model.generate(
        new ChatRequest(
            List.of(
                ChatMessage.system(system),
                ChatMessage.user(LEAVE_Q),
                ChatMessage.assistant(LEAVE_A),
                ChatMessage.user(VPN_Q)),
            List.of(),
            greedy(64, List.of())),
        withHistory::append,
        new Cancellation());

    assertThat(alone.toString()).isEqualTo(LEAVE_A);
    assertThat(withHistory.toString()).isEqualTo(VPN_A);
    assertThat(DecoderPrompt.render(List.of(ChatMessage.system("s"), ChatMessage.user("q"))))
        .isEqualTo("system: s\nq");
  }

  @Test
  void conversationsAskedAtOnceShareDecodingStepsAndEachGetsTheAnswerItWouldAlone()
      throws Exception {
    RollingBatch batch = ((DjlCausalLm) model).batch();
    List<ChatRequest> requests = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String question = i % 2 == 0 ? LEAVE_Q : VPN_Q;
      // different lengths before the question: rows of different widths in one cache
      requests.add(
          new ChatRequest(
              i == 0
                  ? List.of(ChatMessage.user(question))
                  : List.of(
                      ChatMessage.system("policy office ".repeat(i * 2)),
                      ChatMessage.user(question)),
              List.of(),
              greedy(40, List.of())));
    }
    List<String> alone = new ArrayList<>();
    for (ChatRequest request : requests) {
      StringBuilder answer = new StringBuilder();
      model.generate(request, answer::append, new Cancellation());
      alone.add(answer.toString());
    }
    long steps = batch.steps();
    long rows = batch.rowSteps();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(requests.size())) {
      List<java.util.concurrent.Future<String>> together = new ArrayList<>();
      for (ChatRequest request : requests) {
        together.add(
            pool.submit(
                () -> {
                  StringBuilder answer = new StringBuilder();
                  model.generate(request, answer::append, new Cancellation());
                  return answer.toString();
                }));
      }
      for (int i = 0; i < requests.size(); i++) {
        assertThat(together.get(i).get()).as("answer " + i).isEqualTo(alone.get(i)).isNotEmpty();
      }
    }
    double meanBatch = (batch.rowSteps() - rows) / (double) (batch.steps() - steps);
    assertThat(meanBatch).as("rows per decoding step").isGreaterThan(2);
  }

  @Test
  void aStoppedAnswerLeavesTheBatchAndItsPlaceGoesToTheNextOne() throws Exception {
    Map<String, String> properties =
        Map.of("folder", folder.toString(), "max_batch", "2", "prefill_chunk", "4");
    try (DjlCausalLm small =
        (DjlCausalLm)
            ChatModelProviders.installed().create(new ModelSettings("small", "djl", properties))) {
      Cancellation first = new Cancellation();
      Cancellation second = new Cancellation();
      java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(2);
      try (var pool = java.util.concurrent.Executors.newFixedThreadPool(3)) {
        GenerationOptions endless = greedy(100_000, List.of());
        var a =
            pool.submit(
                () -> small.generate(ask(LEAVE_Q, endless), p -> started.countDown(), first, true));
        var b =
            pool.submit(
                () -> small.generate(ask(VPN_Q, endless), p -> started.countDown(), second, true));
        assertThat(started.await(60, java.util.concurrent.TimeUnit.SECONDS))
            .as("both answers stream")
            .isTrue();
        StringBuilder third = new StringBuilder();
        var c =
            pool.submit(
                () ->
                    small.generate(
                        ask(VPN_Q, greedy(64, List.of())), third::append, new Cancellation()));
        Thread.sleep(300);
        assertThat(c.isDone()).as("the third waits while two answers fill the batch").isFalse();

        first.cancel();

        assertThat(a.get().reason()).isEqualTo(Completion.FinishReason.CANCELLED);
        assertThat(c.get().reason()).isEqualTo(Completion.FinishReason.STOP);
        assertThat(third.toString()).isEqualTo(VPN_A);
        assertThat(b.isDone()).isFalse();
        second.cancel();
        assertThat(b.get().reason()).isEqualTo(Completion.FinishReason.CANCELLED);
      }
    }
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
      assertThat(Sampling.pick(logits, hot)).isIn(0, 1);
    }
    assertThat(Sampling.pick(logits, greedy(1, List.of()))).isZero();

    float[] threeToOne = {(float) Math.log(3), 0f, -30f};
    GenerationOptions plain = new GenerationOptions(10, 1.0, 1.0, List.of());
    int first = 0;
    for (int i = 0; i < 4000; i++) {
      first += Sampling.pick(threeToOne, plain) == 0 ? 1 : 0;
    }
    assertThat(first / 4000.0).as("drawn by the tempered probabilities").isBetween(0.72, 0.78);
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
