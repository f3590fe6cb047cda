package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wenjin.e2e.ServerSentEvents.Event;
import org.wenjin.engine.djl.TinyModels;
import org.wenjin.engine.openai.OpenAiProtocolServer;

/**
 * {@code POST /api/conversations/stream}: the answer as server-sent events, as a script or another
 * front end follows it, and {@code POST /api/turns/{id}/stop}.
 */
class AnswerStreamIT {

  private static final int MODEL_PORT = Integer.getInteger("wenjin.it.model-port", 18999);

  /** One server-sent event. */
  private static Iterator<Event> stream(String token, String body) throws Exception {
    return ServerSentEvents.of(Stack.API.stream("/api/conversations/stream", token, body));
  }

  private static String text(Event e) {
    Matcher m = Pattern.compile("\"text\":\"(.*)\"}").matcher(e.data());
    assertThat(m.find()).as(e.data()).isTrue();
    return m.group(1);
  }

  @Test
  void theAnswerArrivesPieceByPieceThenTheSavedTurn() throws Exception {
    TinyModels.ensureTrained(Path.of(System.getProperty("wenjin.it.tiny-model")));
    Iterator<Event> events =
        stream(
            ApiIT.tokenFor("bob"),
            "{\"question\":\""
                + TinyModels.LEAVE_QUESTION
                + "\",\"model\":\"tiny-djl\",\"documents\":false}");

    Event first = events.next();
    assertThat(first.name()).isEqualTo("turn");
    StringBuilder answer = new StringBuilder();
    int pieces = 0;
    Event e = events.next();
    while (e.name().equals("text")) {
      answer.append(text(e));
      pieces++;
      e = events.next();
    }
    assertThat(e.name()).isEqualTo("done");
    assertThat(e.data()).contains("\"status\":\"COMPLETE\"");
    assertThat(answer.toString()).isEqualTo(TinyModels.LEAVE_ANSWER);
    assertThat(pieces).isGreaterThan(10);
    Matcher conversation = Pattern.compile("\"conversationId\":(\\d+)").matcher(first.data());
    assertThat(conversation.find()).isTrue();
    ApiIT.send(
        "DELETE", "/api/conversations/" + conversation.group(1), ApiIT.tokenFor("bob"), null);
  }

  @Test
  void stopEndsTheAnswerAtTheModelAndKeepsThePartialText() throws Exception {
    try (OpenAiProtocolServer model = new OpenAiProtocolServer(MODEL_PORT)) {
      model.answering(Collections.nCopies(400, "word "), Duration.ofMillis(25));
      String bob = ApiIT.tokenFor("bob");
      Iterator<Event> events =
          stream(bob, "{\"question\":\"Explain everything\",\"model\":\"scripted\"}");
      Matcher turn = Pattern.compile("\"id\":(\\d+)").matcher(events.next().data());
      assertThat(turn.find()).isTrue();
      List<String> pieces = new ArrayList<>();
      while (pieces.size() < 5) {
        Event e = events.next();
        if (e.name().equals("text")) {
          pieces.add(text(e));
        }
      }
      String otherUser = ApiIT.tokenFor("gina");
      assertThat(
              ApiIT.send("POST", "/api/turns/" + turn.group(1) + "/stop", otherUser, null)
                  .statusCode())
          .as("someone else's answer")
          .isEqualTo(404);

      assertThat(
              ApiIT.send("POST", "/api/turns/" + turn.group(1) + "/stop", bob, null).statusCode())
          .isEqualTo(204);
      assertThat(model.awaitHangUp(Duration.ofSeconds(2)))
          .as("the model's stream was closed")
          .isTrue();

      Event e = events.next();
      while (e.name().equals("text")) {
        e = events.next();
      }
      assertThat(e.name()).isEqualTo("done");
      assertThat(e.data()).contains("\"status\":\"STOPPED\"").contains("word word word word");
    }
  }
}
