package org.wenjin.engine.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenjin.engine.spi.Cancellation;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.ChatModelProviders;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.Completion;
import org.wenjin.engine.spi.Completion.FinishReason;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.engine.spi.ModelSettings;

class OpenAiCompatibleChatModelTest {

  private OpenAiProtocolServer server;
  private ChatModel model;
  private final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new OpenAiProtocolServer(0);
    model = modelAt(server.baseUrl(), Map.of("api-key", "sk-test"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void streamsTokensInOrderAndSendsTheConversation() {
    server.answering(List.of("年假", "需要", "提前", "申请。"), Duration.ZERO);

    Completion done = model.generate(request("如何申请年假？"), received::add, new Cancellation());

    assertThat(received).containsExactly("年假", "需要", "提前", "申请。");
    assertThat(done).isEqualTo(new Completion(FinishReason.STOP, 4));
    var sent = server.lastRequest();
    assertThat(sent.path("model").asText()).isEqualTo("test-model");
    assertThat(sent.path("stream").asBoolean()).isTrue();
    assertThat(sent.path("max_tokens").asInt()).isEqualTo(64);
    assertThat(sent.path("stop").get(0).asText()).isEqualTo("<|end|>");
    assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(sent.path("messages").get(1).path("content").asText()).isEqualTo("如何申请年假？");
  }

  @Test
  void passagesAreNumberedInFrontOfTheQuestion() {
    server.answering(List.of("见 [1]。"), Duration.ZERO);
    ChatRequest grounded =
        new ChatRequest(
            request("如何申请年假？").messages(),
            List.of(
                new org.wenjin.engine.spi.Passage(
                    1, "员工手册", "handbook.html", "申请年假需要提前一周在人事系统中提交。")),
            GenerationOptions.defaults());

    model.generate(grounded, received::add, new Cancellation());

    String question = server.lastRequest().path("messages").get(1).path("content").asText();
    assertThat(question).contains("[1] 员工手册\n申请年假需要提前一周在人事系统中提交。").endsWith("Question: 如何申请年假？");
  }

  @Test
  void reportsAnAnswerCutByTheTokenLimit() {
    server.answering(List.of("a", "b"), Duration.ZERO).finishingWith("length");

    assertThat(model.generate(request("q"), received::add, new Cancellation()).reason())
        .isEqualTo(FinishReason.LENGTH);
  }

  @org.junit.jupiter.api.RepeatedTest(5) // cancellation races the stream; repeat to catch it
  void cancellingStopsTheStreamAtTheServerAndKeepsThePartialAnswer() throws Exception {
    server.answering(Collections.nCopies(400, "word "), Duration.ofMillis(25));
    Cancellation cancellation = new Cancellation();

    CompletableFuture<Completion> running =
        CompletableFuture.supplyAsync(
            () -> model.generate(request("long"), received::add, cancellation));
    while (received.size() < 9) {
      Thread.sleep(5);
    }
    long cancelledAt = System.nanoTime();
    cancellation.cancel();
    Completion done = running.get();
    long returnedMs = (System.nanoTime() - cancelledAt) / 1_000_000;

    assertThat(done.reason()).isEqualTo(FinishReason.CANCELLED);
    assertThat(returnedMs).as("generate() returns soon after cancel").isLessThan(1000);
    assertThat(received.size()).isBetween(5, 100);
    assertThat(server.awaitHangUp(Duration.ofSeconds(2))).as("server saw the hang-up").isTrue();
  }

  @Test
  void explainsARefusalWithTheServersOwnMessage() {
    server.failing(401, "{\"error\":{\"message\":\"Invalid API key\",\"type\":\"auth\"}}");

    assertThatThrownBy(() -> model.generate(request("q"), received::add, new Cancellation()))
        .isInstanceOfSatisfying(
            ChatModelException.class,
            e -> assertThat(e.kind()).isEqualTo(ChatModelException.Kind.REJECTED))
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("Invalid API key");
  }

  @Test
  void treatsServerErrorsAndOverloadAsUnavailable() {
    server.failing(503, "busy");

    assertThatThrownBy(() -> model.generate(request("q"), received::add, new Cancellation()))
        .isInstanceOfSatisfying(
            ChatModelException.class,
            e -> assertThat(e.kind()).isEqualTo(ChatModelException.Kind.UNAVAILABLE))
        .hasMessageContaining("HTTP 503");
  }

  @Test
  void saysWhenTheServerCannotBeReached() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ChatModel down = modelAt("http://127.0.0.1:" + closedPort + "/v1", Map.of());

    assertThatThrownBy(() -> down.generate(request("q"), received::add, new Cancellation()))
        .isInstanceOfSatisfying(
            ChatModelException.class,
            e -> assertThat(e.kind()).isEqualTo(ChatModelException.Kind.UNAVAILABLE))
        .hasMessageContaining("cannot be reached");
  }

  @Test
  void rejectsIncompleteSettingsWithTheMissingProperty() {
    assertThatThrownBy(
            () ->
                ChatModelProviders.installed()
                    .create(new ModelSettings("m", "openai", Map.of("url", "http://x/v1"))))
        .hasMessageContaining("'model'");
    assertThatThrownBy(
            () -> ChatModelProviders.installed().create(new ModelSettings("m", "nope", Map.of())))
        .hasMessageContaining("unknown backend 'nope'")
        .hasMessageContaining("openai");
  }

  private static ChatModel modelAt(String url, Map<String, String> extra) {
    var properties = new java.util.HashMap<>(Map.of("url", url, "model", "test-model"));
    properties.putAll(extra);
    return ChatModelProviders.installed().create(new ModelSettings("m", "openai", properties));
  }

  private static ChatRequest request(String question) {
    return new ChatRequest(
        List.of(ChatMessage.system("Answer briefly."), ChatMessage.user(question)),
        List.of(),
        new GenerationOptions(64, 0.2, 0.9, List.of("<|end|>")));
  }
}
