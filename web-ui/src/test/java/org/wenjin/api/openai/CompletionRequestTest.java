package org.wenjin.api.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.wenjin.api.InvalidRequestException;
import org.wenjin.chat.interfaces.ClientMessage;

class CompletionRequestTest {

  private static JsonObject json(String text) {
    try (var reader = JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static CompletionRequest parse(String body) {
    return CompletionRequest.of(json(body), null);
  }

  @Test
  void theLastUserMessageIsTheQuestionAndTheRestTheClientsHistory() {
    CompletionRequest request =
        parse(
            """
            {"model":"m","stream":true,"stream_options":{"include_usage":true},
             "temperature":0.1,"top_p":0.8,"max_tokens":64,"stop":"END","user":"ignored",
             "messages":[{"role":"developer","content":"be brief"},
                         {"role":"user","content":"first"},
                         {"role":"assistant","content":"one"},
                         {"role":"user","content":[{"type":"text","text":"sec"},
                                                   {"type":"text","text":"ond"}]}]}
            """);

    assertThat(request.question()).isEqualTo("second");
    assertThat(request.earlier())
        .extracting(ClientMessage::role)
        .containsExactly(
            ClientMessage.Role.SYSTEM, ClientMessage.Role.USER, ClientMessage.Role.ASSISTANT);
    assertThat(request.stream()).isTrue();
    assertThat(request.includeUsage()).isTrue();
    assertThat(request.options().maxTokens()).isEqualTo(64);
    assertThat(request.options().temperature()).isEqualTo(0.1);
    assertThat(request.options().topP()).isEqualTo(0.8);
    assertThat(request.options().stop()).containsExactly("END");
    assertThat(request.conversationId()).isNull();
  }

  @Test
  void whatIsNotSentStaysWenjinsDefault() {
    CompletionRequest request =
        parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    assertThat(request.options().maxTokens()).isNull();
    assertThat(request.options().temperature()).isNull();
    assertThat(request.stream()).isFalse();
  }

  @Test
  void aConversationIsContinuedByFieldOrHeader() {
    String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    assertThat(CompletionRequest.of(json(body + ",\"conversation_id\":42}"), null).conversationId())
        .isEqualTo(42L);
    assertThat(CompletionRequest.of(json(body + "}"), " 7 ").conversationId()).isEqualTo(7L);
    assertThatThrownBy(() -> CompletionRequest.of(json(body + "}"), "x"))
        .hasMessageContaining("X-Wenjin-Conversation");
  }

  @Test
  void whatWenjinCannotHonourIsRefusedWithTheFieldsName() {
    String user = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
    assertRefused("{" + user + "}", "'model' is required");
    assertRefused("{\"model\":\"m\",\"messages\":[]}", "'messages'");
    assertRefused(
        "{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"content\":\"hi\"}]}",
        "last message");
    assertRefused("{\"model\":\"m\",\"n\":2," + user + "}", "'n' must be 1");
    assertRefused("{\"model\":\"m\",\"tools\":[{\"type\":\"function\"}]," + user + "}", "Tools");
    assertRefused("{\"model\":\"m\",\"temperature\":3," + user + "}", "'temperature'");
    assertRefused("{\"model\":\"m\",\"top_p\":0," + user + "}", "'top_p'");
    assertRefused("{\"model\":\"m\",\"max_tokens\":0," + user + "}", "'max_tokens'");
    assertRefused("{\"model\":\"m\",\"max_tokens\":1.5," + user + "}", "'max_tokens'");
    assertRefused(
        "{\"model\":\"m\",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]," + user + "}", "'stop'");
    assertRefused("{\"model\":\"m\",\"stream\":\"yes\"," + user + "}", "'stream'");
    assertRefused(
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
            + "[{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}}]}]}",
        "only text parts");
    assertRefused(
        "{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"},"
            + "{\"role\":\"user\",\"content\":\"hi\"}]}",
        "tools are not supported");
  }

  private static void assertRefused(String body, String message) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(message);
  }
}
