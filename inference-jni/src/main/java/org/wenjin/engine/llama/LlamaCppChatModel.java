package org.wenjin.engine.llama;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.Pair;
import java.util.ArrayList;
import java.util.List;
import org.wenjin.engine.spi.Cancellation;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.Completion;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.engine.spi.TokenSink;

/**
 * A GGUF model loaded by llama.cpp. The conversation goes through the model's own chat template
 * (from the GGUF, or the operator's), passages in front of the question; llama.cpp's server loop
 * serves concurrent requests from one loaded model.
 */
final class LlamaCppChatModel implements ChatModel {

  private final LlamaModel model;

  LlamaCppChatModel(LlamaModel model) {
    this.model = model;
  }

  @Override
  public Completion generate(ChatRequest request, TokenSink sink, Cancellation cancellation) {
    LlamaIterator answer = model.generate(parameters(request)).iterator();
    cancellation.onCancel(answer::cancel);
    int pieces = 0;
    try {
      while (answer.hasNext()) {
        if (cancellation.isCancelled()) {
          return new Completion(Completion.FinishReason.CANCELLED, pieces);
        }
        LlamaOutput out = answer.next();
        if (!out.text.isEmpty()) {
          sink.accept(out.text);
        }
        pieces++;
      }
    } catch (RuntimeException e) {
      if (cancellation.isCancelled()) {
        return new Completion(Completion.FinishReason.CANCELLED, pieces);
      }
      throw new ChatModelException(
          ChatModelException.Kind.FAILED, "llama.cpp failed: " + e.getMessage(), e);
    }
    if (cancellation.isCancelled()) {
      return new Completion(Completion.FinishReason.CANCELLED, pieces);
    }
    pieces = Math.max(0, pieces - 1); // the message that closes a stream carries no token
    return new Completion(
        pieces >= request.options().maxTokens()
            ? Completion.FinishReason.LENGTH
            : Completion.FinishReason.STOP,
        pieces);
  }

  static InferenceParameters parameters(ChatRequest request) {
    GenerationOptions options = request.options();
    Conversation conversation = Conversation.of(request.groundedMessages());
    InferenceParameters parameters =
        new InferenceParameters("")
            .setMessages(conversation.system(), conversation.turns())
            .setUseChatTemplate(true)
            .setNPredict(options.maxTokens())
            .setTemperature((float) options.temperature())
            .setTopP((float) options.topP());
    if (!options.stop().isEmpty()) {
      parameters.setStopStrings(options.stop().toArray(String[]::new));
    }
    return parameters;
  }

  /** The messages as llama.cpp's chat template takes them: a system text and (role, text) turns. */
  record Conversation(String system, List<Pair<String, String>> turns) {

    static Conversation of(List<ChatMessage> messages) {
      StringBuilder system = new StringBuilder();
      List<Pair<String, String>> turns = new ArrayList<>();
      for (ChatMessage m : messages) {
        switch (m.role()) {
          case SYSTEM -> system.append(system.isEmpty() ? "" : "\n\n").append(m.content());
          case USER -> turns.add(new Pair<>("user", m.content()));
          case ASSISTANT -> turns.add(new Pair<>("assistant", m.content()));
        }
      }
      return new Conversation(system.isEmpty() ? null : system.toString(), turns);
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
