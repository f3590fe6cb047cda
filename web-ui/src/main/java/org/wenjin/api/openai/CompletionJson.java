package org.wenjin.api.openai;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.wenjin.api.JsonViews;
import org.wenjin.chat.interfaces.AnswerUsage;
import org.wenjin.chat.interfaces.TurnDto;

/**
 * OpenAI's completion objects for one answer: {@code chat.completion} (whole) and {@code
 * chat.completion.chunk} (streamed). The id is the turn's ({@code chatcmpl-<turn id>}); Wenjin adds
 * {@code conversation_id} (to continue the conversation) and {@code citations} (the passages the
 * answer may cite as [n], with their documents), which OpenAI's clients pass through untouched.
 */
final class CompletionJson {

  private CompletionJson() {}

  /** What every object of one answer repeats. */
  record Head(String id, long created, String model, long conversationId) {

    static Head of(TurnDto turn) {
      return new Head(
          "chatcmpl-" + turn.id(),
          turn.askedAt().getEpochSecond(),
          turn.modelId(),
          turn.conversationId());
    }
  }

  static JsonObject completion(Head head, TurnDto turn, AnswerUsage usage) {
    return start(head, "chat.completion")
        .add(
            "choices",
            JSON.createArrayBuilder()
                .add(
                    JSON.createObjectBuilder()
                        .add("index", 0)
                        .add(
                            "message",
                            JSON.createObjectBuilder()
                                .add("role", "assistant")
                                .add("content", turn.answer())
                                .addNull("refusal"))
                        .addNull("logprobs")
                        .add("finish_reason", finishReason(usage))))
        .add("usage", usage(usage))
        .add("citations", JsonViews.array(turn.citations(), JsonViews::citation))
        .build();
  }

  /** The first chunk: the role, no text yet. */
  static JsonObject opening(Head head) {
    return chunk(head, JSON.createObjectBuilder().add("role", "assistant").add("content", ""), null)
        .build();
  }

  static JsonObject piece(Head head, String text) {
    return chunk(head, JSON.createObjectBuilder().add("content", text), null).build();
  }

  /** The last chunk with a choice: why the answer ended, and what it may cite. */
  static JsonObject closing(Head head, TurnDto turn, AnswerUsage usage) {
    return chunk(head, JSON.createObjectBuilder(), finishReason(usage))
        .add("citations", JsonViews.array(turn.citations(), JsonViews::citation))
        .build();
  }

  /** Sent after the closing chunk when the client asked for {@code include_usage}. */
  static JsonObject usageChunk(Head head, AnswerUsage usage) {
    return start(head, "chat.completion.chunk")
        .add("choices", JSON.createArrayBuilder())
        .add("usage", usage(usage))
        .build();
  }

  private static JsonObjectBuilder chunk(Head head, JsonObjectBuilder delta, String finishReason) {
    JsonObjectBuilder choice =
        JSON.createObjectBuilder().add("index", 0).add("delta", delta).addNull("logprobs");
    if (finishReason == null) {
      choice.addNull("finish_reason");
    } else {
      choice.add("finish_reason", finishReason);
    }
    return start(head, "chat.completion.chunk")
        .add("choices", JSON.createArrayBuilder().add(choice));
  }

  private static JsonObjectBuilder start(Head head, String object) {
    return JSON.createObjectBuilder()
        .add("id", head.id())
        .add("object", object)
        .add("created", head.created())
        .add("model", head.model())
        .addNull("system_fingerprint")
        .add("conversation_id", head.conversationId());
  }

  private static JsonObject usage(AnswerUsage usage) {
    return JSON.createObjectBuilder()
        .add("prompt_tokens", usage.promptTokens())
        .add("completion_tokens", usage.completionTokens())
        .add("total_tokens", usage.totalTokens())
        .build();
  }

  /** "length" when the answer hit max_tokens; "stop" otherwise (also when someone stopped it). */
  static String finishReason(AnswerUsage usage) {
    return usage.truncated() ? "length" : "stop";
  }
}
