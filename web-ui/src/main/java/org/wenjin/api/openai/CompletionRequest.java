package org.wenjin.api.openai;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.wenjin.api.InvalidRequestException;
import org.wenjin.chat.interfaces.ClientMessage;
import org.wenjin.chat.interfaces.SamplingOptions;

/**
 * A {@code POST /v1/chat/completions} body as Wenjin takes it: OpenAI's fields, checked with a
 * message that names the field. The last message is the question; the messages before it are the
 * client's history (used for a new conversation). What Wenjin cannot honour is refused rather than
 * silently ignored ({@code n} > 1, tools, images); other unknown fields are ignored, as OpenAI's
 * clients send many.
 *
 * @param conversationId the Wenjin conversation to continue ({@code conversation_id} or the {@code
 *     X-Wenjin-Conversation} header); null: a new one
 * @param flow the flow that answers with {@code model} (Wenjin's {@code "flow"} field); null: the
 *     model names the flow ({@code flow:<id>}) or the standard answer
 */
record CompletionRequest(
    String model,
    String question,
    List<ClientMessage> earlier,
    SamplingOptions options,
    boolean stream,
    boolean includeUsage,
    Long conversationId,
    String flow) {

  static final int MAX_TOKENS = 32_768;

  static final int MAX_STOP = 4;

  static final int MAX_MESSAGES = 200;

  static CompletionRequest of(JsonObject body, String conversationHeader) {
    String model = requiredString(body, "model");
    List<ClientMessage> messages = messages(body);
    ClientMessage last = messages.get(messages.size() - 1);
    if (last.role() != ClientMessage.Role.USER) {
      throw invalid("The last message must be the user's question (role \"user\").");
    }
    refuseUnsupported(body);
    JsonObject streamOptions = object(body, "stream_options");
    return new CompletionRequest(
        model,
        last.content(),
        messages.subList(0, messages.size() - 1),
        options(body),
        bool(body, "stream"),
        streamOptions != null && bool(streamOptions, "include_usage"),
        conversation(body, conversationHeader),
        flow(body));
  }

  private static List<ClientMessage> messages(JsonObject body) {
    if (!(body.get("messages") instanceof JsonArray array) || array.isEmpty()) {
      throw invalid("'messages' must be a non-empty array of {\"role\", \"content\"}.");
    }
    if (array.size() > MAX_MESSAGES) {
      throw invalid("At most " + MAX_MESSAGES + " messages; the server keeps long histories.");
    }
    List<ClientMessage> messages = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonObject message)) {
        throw invalid("messages[" + i + "] must be an object.");
      }
      messages.add(message(message, "messages[" + i + "]"));
    }
    return messages;
  }

  private static ClientMessage message(JsonObject message, String where) {
    String role = message.get("role") instanceof JsonString s ? s.getString() : "";
    ClientMessage.Role parsed =
        switch (role) {
          case "system", "developer" -> ClientMessage.Role.SYSTEM;
          case "user" -> ClientMessage.Role.USER;
          case "assistant" -> ClientMessage.Role.ASSISTANT;
          case "tool", "function" -> throw invalid(where + ": tools are not supported.");
          default -> throw invalid(where + ".role must be system, developer, user or assistant.");
        };
    return new ClientMessage(parsed, content(message.get("content"), where));
  }

  /** A string, or OpenAI's array of content parts, of which Wenjin reads text parts only. */
  private static String content(JsonValue content, String where) {
    if (content instanceof JsonString s) {
      return s.getString();
    }
    if (content instanceof JsonArray parts) {
      StringBuilder text = new StringBuilder();
      for (JsonValue part : parts) {
        if (!(part instanceof JsonObject p)
            || !"text".equals(p.getString("type", ""))
            || !(p.get("text") instanceof JsonString t)) {
          throw invalid(where + ".content: only text parts are supported.");
        }
        text.append(t.getString());
      }
      return text.toString();
    }
    throw invalid(where + ".content must be a string or an array of text parts.");
  }

  private static SamplingOptions options(JsonObject body) {
    Double temperature = number(body, "temperature");
    Double topP = number(body, "top_p");
    Double maxTokens = number(body, "max_completion_tokens");
    if (maxTokens == null) {
      maxTokens = number(body, "max_tokens");
    }
    if (temperature != null && (temperature < 0 || temperature > 2)) {
      throw invalid("'temperature' must be between 0 and 2.");
    }
    if (topP != null && (topP <= 0 || topP > 1)) {
      throw invalid("'top_p' must be greater than 0 and at most 1.");
    }
    if (maxTokens != null
        && (maxTokens < 1 || maxTokens > MAX_TOKENS || maxTokens != Math.rint(maxTokens))) {
      throw invalid("'max_tokens' must be a whole number from 1 to " + MAX_TOKENS + ".");
    }
    return new SamplingOptions(
        maxTokens == null ? null : maxTokens.intValue(), temperature, topP, stop(body.get("stop")));
  }

  private static List<String> stop(JsonValue stop) {
    if (stop == null || stop == JsonValue.NULL) {
      return List.of();
    }
    List<JsonValue> values = stop instanceof JsonArray array ? array : List.of(stop);
    if (values.size() > MAX_STOP) {
      throw invalid("'stop' takes at most " + MAX_STOP + " sequences.");
    }
    List<String> sequences = new ArrayList<>();
    for (JsonValue value : values) {
      if (!(value instanceof JsonString s) || s.getString().isEmpty()) {
        throw invalid("'stop' must be a non-empty string or an array of them.");
      }
      sequences.add(s.getString());
    }
    return sequences;
  }

  private static void refuseUnsupported(JsonObject body) {
    Double n = number(body, "n");
    if (n != null && n != 1) {
      throw invalid("'n' must be 1: Wenjin writes one answer per request.");
    }
    if (body.get("tools") instanceof JsonArray tools && !tools.isEmpty()) {
      throw invalid("Tools (function calling) are not supported.");
    }
    if (body.get("functions") instanceof JsonArray functions && !functions.isEmpty()) {
      throw invalid("Functions (function calling) are not supported.");
    }
  }

  private static String flow(JsonObject body) {
    JsonValue value = body.get("flow");
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString s) || s.getString().isBlank()) {
      throw invalid("'flow' must be the id of a flow (GET /v1/models lists them as flow:<id>).");
    }
    return s.getString();
  }

  private static Long conversation(JsonObject body, String header) {
    JsonValue field = body.get("conversation_id");
    if (field instanceof JsonNumber number && number.isIntegral() && number.longValue() > 0) {
      return number.longValue();
    }
    if (field != null && field != JsonValue.NULL) {
      throw invalid("'conversation_id' must be the id of one of your conversations.");
    }
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      throw invalid("X-Wenjin-Conversation must be the id of one of your conversations.");
    }
  }

  private static String requiredString(JsonObject body, String name) {
    if (!(body.get(name) instanceof JsonString s) || s.getString().isBlank()) {
      throw invalid("'" + name + "' is required: a model id from GET /v1/models.");
    }
    return s.getString();
  }

  private static Double number(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonNumber number)) {
      throw invalid("'" + name + "' must be a number.");
    }
    return number.doubleValue();
  }

  private static boolean bool(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (value == null || value == JsonValue.NULL) {
      return false;
    }
    return switch (value.getValueType()) {
      case TRUE -> true;
      case FALSE -> false;
      default -> throw invalid("'" + name + "' must be true or false.");
    };
  }

  private static JsonObject object(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonObject object)) {
      throw invalid("'" + name + "' must be an object.");
    }
    return object;
  }

  private static InvalidRequestException invalid(String message) {
    return new InvalidRequestException(message);
  }
}
