package org.wenjin.engine.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wenjin.engine.spi.Cancellation;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelProviders;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.Completion.FinishReason;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.engine.spi.ModelSettings;
import org.wenjin.engine.spi.Passage;

class ExtractiveChatModelTest {

  private final ChatModel model =
      ChatModelProviders.installed()
          .create(new ModelSettings("extractive", "extractive", Map.of("quote-length", "40")));

  @Test
  void saysPlainlyThatNoModelIsConfiguredWhenThereIsNothingToQuote() {
    List<String> pieces = new ArrayList<>();

    var done =
        model.generate(
            ask("How do I apply for leave?", List.of()), pieces::add, new Cancellation());

    assertThat(String.join("", pieces)).startsWith("No language model is configured");
    assertThat(pieces).hasSizeGreaterThan(10); // streamed, not one block
    assertThat(done.reason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void answersInChineseWhenAskedInChinese() {
    List<String> pieces = new ArrayList<>();

    model.generate(ask("如何申请年假？", List.of()), pieces::add, new Cancellation());

    assertThat(String.join("", pieces)).startsWith("尚未配置语言模型");
  }

  @Test
  void quotesEachPassageWithItsCitationMarker() {
    List<String> pieces = new ArrayList<>();
    var passages =
        List.of(
            new Passage(1, "HR handbook", "hr.pdf", "Leave is requested in the HR portal."),
            new Passage(2, "员工手册", "hr-zh.docx", "年假需提前三天在人事系统中申请，并由直属经理审批。" + "补充说明。".repeat(10)));

    model.generate(ask("leave?", passages), pieces::add, new Cancellation());

    String answer = String.join("", pieces);
    assertThat(answer).contains("Leave is requested in the HR portal. [1]", "*HR handbook*");
    assertThat(answer).contains("年假需提前三天", "…", "[2]", "*员工手册*");
  }

  @Test
  void quotesMarkupAsWrittenForTheChatToRenderInert() {
    List<String> pieces = new ArrayList<>();
    String hostile = "See [x](http://a.example/) <img src=x>"; // within quote-length 40

    model.generate(
        ask("book?", List.of(new Passage(1, "Parking", "p.md", hostile))),
        pieces::add,
        new Cancellation());

    // the answer keeps the source text; web-ui's InertMarkdown makes it inert where it is shown
    assertThat(String.join("", pieces)).contains("> See [x](http://a.example/) <img src=x> [1]");
  }

  @Test
  void stopsWhenCancelledAndAtTheTokenLimit() {
    Cancellation cancellation = new Cancellation();
    List<String> pieces = new ArrayList<>();

    var cancelled =
        model.generate(
            ask("q", List.of()),
            text -> {
              pieces.add(text);
              if (pieces.size() == 3) {
                cancellation.cancel();
              }
            },
            cancellation);
    var limited =
        model.generate(
            new ChatRequest(
                List.of(ChatMessage.user("q")),
                List.of(),
                new GenerationOptions(5, 0, 1, List.of())),
            text -> {},
            new Cancellation());

    assertThat(cancelled.reason()).isEqualTo(FinishReason.CANCELLED);
    assertThat(pieces).hasSize(3);
    assertThat(limited.reason()).isEqualTo(FinishReason.LENGTH);
    assertThat(limited.tokens()).isEqualTo(5);
  }

  private static ChatRequest ask(String question, List<Passage> passages) {
    return new ChatRequest(
        List.of(ChatMessage.user(question)), passages, GenerationOptions.defaults());
  }
}
