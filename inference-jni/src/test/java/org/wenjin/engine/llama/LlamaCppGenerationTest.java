package org.wenjin.engine.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wenjin.engine.spi.Cancellation;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelProviders;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.Completion;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.engine.spi.ModelSettings;

/**
 * llama.cpp generating for real through java-llama.cpp's JNI: a tiny llama-architecture GGUF
 * written by the test ({@link TinyGguf}) is loaded, streams, stops, and serves two sequences at
 * once in one batch.
 */
class LlamaCppGenerationTest {

  private static ChatModel model;

  @BeforeAll
  static void load() throws Exception {
    Path file = TinyGguf.ensureWritten(Path.of("target/tiny-llama.gguf"));
    model =
        ChatModelProviders.installed()
            .create(
                new ModelSettings(
                    "tiny-llama",
                    "llama",
                    Map.of("model", file.toString(), "context", "512", "parallel", "2")));
  }

  @AfterAll
  static void close() {
    if (model != null) {
      model.close();
    }
  }

  private static ChatRequest ask(String question, int tokens) {
    return new ChatRequest(
        List.of(ChatMessage.system("You answer employees."), ChatMessage.user(question)),
        List.of(),
        new GenerationOptions(tokens, 0, 1, List.of()));
  }

  @Test
  void generatesTokenByTokenThroughTheJniPathTheSameWayTwice() {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();

    Completion done = model.generate(ask("如何申请年假？", 24), first::add, new Cancellation());
    model.generate(ask("如何申请年假？", 24), second::add, new Cancellation());

    assertThat(done).isEqualTo(new Completion(Completion.FinishReason.LENGTH, 24));
    assertThat(first).hasSizeGreaterThan(5);
    assertThat(String.join("", first)).isNotBlank().isEqualTo(String.join("", second));
  }

  @Test
  void aCancelStopsTheAnswerAtTheNextToken() {
    Cancellation cancellation = new Cancellation();
    List<String> pieces = new ArrayList<>();

    Completion done =
        model.generate(
            ask("how do i reset the vpn password?", 400),
            piece -> {
              pieces.add(piece);
              if (pieces.size() == 5) {
                cancellation.cancel();
              }
            },
            cancellation);

    assertThat(done.reason()).isEqualTo(Completion.FinishReason.CANCELLED);
    assertThat(pieces).hasSizeBetween(5, 6);
  }

  @Test
  void twoSequencesAreDecodedAtOnce() throws Exception {
    List<long[]> spans = new CopyOnWriteArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      List<Future<Completion>> runs = new ArrayList<>();
      for (String question : List.of("如何申请年假？", "how do i reset the vpn password?")) {
        runs.add(
            pool.submit(
                () -> {
                  long[] span = {0, 0};
                  Completion c =
                      model.generate(
                          ask(question, 200),
                          piece -> {
                            long now = System.nanoTime();
                            if (span[0] == 0) {
                              span[0] = now;
                            }
                            span[1] = now;
                          },
                          new Cancellation());
                  spans.add(span);
                  return c;
                }));
      }
      for (Future<Completion> run : runs) {
        assertThat(run.get().reason()).isEqualTo(Completion.FinishReason.LENGTH);
      }
    }
    long[] a = spans.get(0);
    long[] b = spans.get(1);
    assertThat(Math.max(a[0], b[0]))
        .as("each started before the other ended: two slots, one batch")
        .isLessThan(Math.min(a[1], b[1]));
  }
}
