package org.wenjin.inference.spi;

import java.util.List;

/** What a model is asked: the conversation so far (last message = the question) and passages. */
public record ChatRequest(
    List<ChatMessage> messages, List<Passage> passages, GenerationOptions options) {

  public ChatRequest {
    messages = List.copyOf(messages);
    passages = List.copyOf(passages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a chat request needs at least one message");
    }
  }

  /** The question being answered: the last user message. */
  public String question() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == ChatMessage.Role.USER) {
        return messages.get(i).content();
      }
    }
    return "";
  }
}
