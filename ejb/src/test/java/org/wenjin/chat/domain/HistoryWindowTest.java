package org.wenjin.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.persistence.chat.TurnStatus;

class HistoryWindowTest {

  @Test
  void sendsOnlyTheLastAnsweredTurnsThenTheQuestion() {
    List<ChatTurn> earlier = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      earlier.add(turn(i, "q" + i, i == 6 ? "" : "a" + i));
    }

    List<ChatMessage> messages = HistoryWindow.messages("system", earlier, 3, "now?");

    assertThat(messages)
        .extracting(ChatMessage::content)
        .containsExactly("system", "q4", "a4", "q5", "a5", "q7", "a7", "now?");
    assertThat(messages.get(0).role()).isEqualTo(ChatMessage.Role.SYSTEM);
    assertThat(messages.get(messages.size() - 1).role()).isEqualTo(ChatMessage.Role.USER);
  }

  @Test
  void titlesComeFromTheFirstLineAndAreShortenedByCharacterNotByte() {
    assertThat(ConversationTitles.fromQuestion("  如何申请年假？\n详细说明")).isEqualTo("如何申请年假？");
    String longQuestion = "年".repeat(100);
    assertThat(ConversationTitles.fromQuestion(longQuestion)).hasSize(60).endsWith("…");
    assertThat(ConversationTitles.fromQuestion("   ")).isEqualTo("New conversation");
  }

  private static ChatTurn turn(int position, String question, String answer) {
    ChatTurn turn = new ChatTurn(1L, position, question, "m", Instant.EPOCH);
    turn.finish(TurnStatus.COMPLETE, answer, Instant.EPOCH);
    return turn;
  }

  @Test
  void aClientsOwnHistoryKeepsTheCompanysSystemPromptFirstAndTheSameWindow() {
    List<ChatMessage> client = new ArrayList<>();
    client.add(ChatMessage.system("Answer like a pirate."));
    for (int i = 0; i < 5; i++) {
      client.add(ChatMessage.user("q" + i));
      client.add(ChatMessage.assistant("a" + i));
    }

    List<ChatMessage> messages = HistoryWindow.fromClient("company rules", client, 2, "now?");

    assertThat(messages)
        .extracting(ChatMessage::content)
        .containsExactly(
            "company rules\n\nInstructions from the user: Answer like a pirate.",
            "q3",
            "a3",
            "q4",
            "a4",
            "now?");
    assertThat(messages).filteredOn(m -> m.role() == ChatMessage.Role.SYSTEM).hasSize(1);
  }
}
