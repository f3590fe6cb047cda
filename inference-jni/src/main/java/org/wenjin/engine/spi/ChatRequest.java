package org.wenjin.engine.spi;

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

  /**
   * The messages a text model sees: the conversation, with the passages (numbered as the answer
   * must cite them, in a data block: {@link PassageBlock}) put in front of the question. Without
   * passages, the messages as they are.
   */
  public List<ChatMessage> groundedMessages() {
    if (passages.isEmpty()) {
      return messages;
    }
    int last = messages.size() - 1;
    while (last >= 0 && messages.get(last).role() != ChatMessage.Role.USER) {
      last--;
    }
    if (last < 0) {
      return messages;
    }
    String grounded =
        PassageBlock.of(passages)
            + "\n\nAnswer from the passages above and cite them as [n]."
            + " Question: "
            + messages.get(last).content();
    List<ChatMessage> result = new java.util.ArrayList<>(messages);
    result.set(last, ChatMessage.user(grounded));
    return List.copyOf(result);
  }
}
