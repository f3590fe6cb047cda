package org.wenjin.audit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenjin.persistence.audit.AuditContent;

class ExchangeDetailTest {

  private static Exchange answeredBy(Exchange.FlowRecord flow) {
    return new Exchange(
        3,
        "alice",
        11,
        12,
        "q",
        "a",
        "COMPLETE",
        null,
        "scripted",
        "openai",
        List.of(new Exchange.ShownPassage(1, 5, 0, "Handbook", true)),
        new Exchange.Timings(1, 2L, 3),
        10,
        20,
        flow,
        42L);
  }

  private static String trace(int steps, String text) {
    var array = JSON.createArrayBuilder();
    for (int i = 0; i < steps; i++) {
      array.add(
          JSON.createObjectBuilder()
              .add("step", "s" + i)
              .add("type", "generate")
              .add("prompt", text)
              .add("output", text));
    }
    return array.build().toString();
  }

  private static JsonObject parsed(String detail) {
    try (var reader = JSON.createReader(new StringReader(detail))) {
      return reader.readObject();
    }
  }

  @Test
  void aFlowsStepsAreKeptWithTheKeyThatAsked() {
    JsonObject detail =
        parsed(
            DefaultAuditLog.detail(
                answeredBy(new Exchange.FlowRecord("brief", 2, trace(2, "hi")))));

    assertThat(detail.getJsonNumber("apiKeyId").longValue()).isEqualTo(42);
    assertThat(detail.getJsonObject("flow").getString("id")).isEqualTo("brief");
    assertThat(detail.getJsonObject("flow").getInt("revision")).isEqualTo(2);
    assertThat(detail.getJsonObject("flow").getJsonArray("steps")).hasSize(2);
    assertThat(detail.getJsonArray("passages")).hasSize(1);
  }

  @Test
  void textThatGrowsWhenEscapedIsShortenedUntilTheDetailFitsAsWholeJson() {
    // control characters are written as \\u00XX: six characters each
    String nasty = "\u0001".repeat(8000);
    String detail =
        DefaultAuditLog.detail(answeredBy(new Exchange.FlowRecord("long", null, trace(24, nasty))));

    assertThat(detail.length()).isLessThanOrEqualTo(AuditContent.MAX_TEXT);
    JsonObject flow = parsed(detail).getJsonObject("flow");
    assertThat(flow.getJsonArray("steps")).hasSize(24);
    assertThat(parsed(detail).getJsonNumber("apiKeyId").longValue()).isEqualTo(42);
  }

  @Test
  void stepsThatCannotFitAreLeftOutSayingSo() {
    String detail =
        DefaultAuditLog.detail(
            answeredBy(new Exchange.FlowRecord("huge", 1, trace(3000, "\u0001".repeat(100)))));

    assertThat(detail.length()).isLessThanOrEqualTo(AuditContent.MAX_TEXT);
    JsonObject flow = parsed(detail).getJsonObject("flow");
    assertThat(flow.getBoolean("stepsOmitted")).isTrue();
    assertThat(flow.containsKey("steps")).isFalse();
  }
}
