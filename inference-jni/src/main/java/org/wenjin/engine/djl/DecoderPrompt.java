package org.wenjin.engine.djl;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.Arrays;
import java.util.List;
import org.wenjin.engine.spi.ChatMessage;

/**
 * What a decoder of this backend reads: the whole conversation as one text — the system prompt and
 * earlier turns, one line each with its role, then the question (with its passages) last — encoded
 * with the tokenizer's special tokens. Training ({@link DecoderTraining}) renders its examples the
 * same way, so a model learns the format it is asked in.
 */
final class DecoderPrompt {

  private DecoderPrompt() {}

  /** The conversation as text; a lone question is just the question. */
  static String render(List<ChatMessage> messages) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < messages.size() - 1; i++) {
      ChatMessage m = messages.get(i);
      text.append(m.role().name().toLowerCase(java.util.Locale.ROOT))
          .append(": ")
          .append(m.content())
          .append('\n');
    }
    return text.append(messages.getLast().content()).toString();
  }

  /**
   * The token ids of the conversation. When it is longer than {@code room} tokens the start goes
   * (after the first, special token): the question is at the end.
   */
  static long[] encode(HuggingFaceTokenizer tokenizer, List<ChatMessage> messages, int room) {
    long[] ids = tokenizer.encode(render(messages)).getIds();
    if (ids.length <= room) {
      return ids;
    }
    long[] kept = Arrays.copyOfRange(ids, ids.length - room, ids.length);
    kept[0] = ids[0];
    return kept;
  }
}
