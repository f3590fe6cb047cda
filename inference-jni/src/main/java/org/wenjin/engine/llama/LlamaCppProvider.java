package org.wenjin.engine.llama;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import java.nio.file.Path;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.ChatModelProvider;
import org.wenjin.engine.spi.ModelSettings;

/**
 * Backend {@code llama}. Properties: {@code model} (path to a .gguf file), optional {@code context}
 * (tokens of prompt plus answer, default 4096), {@code threads} (default: llama.cpp's choice),
 * {@code gpu-layers} (layers offloaded to a GPU when the native library has one; default 0), {@code
 * chat-template} (a Jinja template, when the GGUF's own is missing or wrong).
 */
public final class LlamaCppProvider implements ChatModelProvider {

  @Override
  public String backend() {
    return "llama";
  }

  @Override
  public ChatModel create(ModelSettings settings) {
    Path file = settings.readableFile("model");
    ModelParameters parameters =
        new ModelParameters()
            .setModel(file.toString())
            .setCtxSize(settings.number("context", 4096, 256))
            .setGpuLayers(settings.number("gpu-layers", 0, 0));
    if (settings.property("threads").isPresent()) {
      parameters.setThreads(settings.number("threads", 1, 1));
    }
    settings.property("chat-template").ifPresent(parameters::setChatTemplate);
    try {
      return new LlamaCppChatModel(new LlamaModel(parameters));
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      // LlamaException (not public) for a file llama.cpp cannot read; a link error without native
      throw new ChatModelException(
          ChatModelException.Kind.UNAVAILABLE,
          "cannot load the GGUF model " + file + ": " + e.getMessage(),
          e);
    }
  }
}
