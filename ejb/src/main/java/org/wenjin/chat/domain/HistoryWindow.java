package org.wenjin.chat.domain;

import java.util.ArrayList;
import java.util.List;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.persistence.chat.ChatTurn;

/**
 * What a model sees of a conversation: the system prompt, the last {@code turns} answered turns
 * (older ones are dropped, not summarised: a summary would need a second model call per question),
 * then the question.
 */
public final class HistoryWindow {

  private HistoryWindow() {}

  public static List<ChatMessage> messages(
      String systemPrompt, List<ChatTurn> earlier, int turns, String question) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(ChatMessage.system(systemPrompt));
    List<ChatTurn> answered = earlier.stream().filter(t -> !t.getAnswer().isBlank()).toList();
    for (ChatTurn turn : answered.subList(Math.max(0, answered.size() - turns), answered.size())) {
      messages.add(ChatMessage.user(turn.getQuestion()));
      messages.add(ChatMessage.assistant(turn.getAnswer()));
    }
    messages.add(ChatMessage.user(question));
    return messages;
  }

  /**
   * The same window over a history the client keeps itself (an OpenAI client sends it with every
   * request): the company's system prompt first, with the client's system messages after it as the
   * user's own instructions (they never replace the company's), then the last {@code turns} pairs'
   * worth of its user and assistant messages, then the question.
   */
  public static List<ChatMessage> fromClient(
      String systemPrompt, List<ChatMessage> clientHistory, int turns, String question) {
    StringBuilder system = new StringBuilder(systemPrompt);
    List<ChatMessage> said = new ArrayList<>();
    for (ChatMessage message : clientHistory) {
      if (message.role() == ChatMessage.Role.SYSTEM) {
        system.append("\n\nInstructions from the user: ").append(message.content());
      } else if (!message.content().isBlank()) {
        said.add(message);
      }
    }
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(ChatMessage.system(system.toString()));
    messages.addAll(said.subList(Math.max(0, said.size() - 2 * turns), said.size()));
    messages.add(ChatMessage.user(question));
    return messages;
  }

  /**
   * The conversation before the question as text for a flow's templates ({@code {{history}}}):
   * "User: …" and "Assistant: …" lines, or "(none)" for a new conversation.
   *
   * @param messages as {@link #messages} makes them: system prompt first, question last
   */
  public static String transcript(List<ChatMessage> messages) {
    StringBuilder text = new StringBuilder();
    for (ChatMessage m :
        messages.subList(Math.min(1, messages.size()), Math.max(1, messages.size() - 1))) {
      if (m.role() == ChatMessage.Role.USER) {
        text.append("User: ").append(m.content()).append('\n');
      } else if (m.role() == ChatMessage.Role.ASSISTANT) {
        text.append("Assistant: ").append(m.content()).append('\n');
      }
    }
    return text.isEmpty() ? "(none)" : text.toString().strip();
  }
}
