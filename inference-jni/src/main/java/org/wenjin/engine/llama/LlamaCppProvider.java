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
 * chat-template} (a Jinja template, when the GGUF's own is missing or wrong), {@code parallel}
 * (sequences llama.cpp decodes together in one batch, each in its own slot of {@code context}
 * tokens; default {@value #DEFAULT_PARALLEL}, best equal to the pool's {@code slots}).
 */
public final class LlamaCppProvider implements ChatModelProvider {

  /** Sequences decoded together by default: the pool's default slots for a model. */
  static final int DEFAULT_PARALLEL = 4;

  @Override
  public String backend() {
    return "llama";
  }

  /**
   * Flash attention reads only the cache cells a sequence uses; without it each token attends over
   * every slot's cells, masked, which is most of the work for several slots on a CPU.
   */
  private static boolean flashAttention(ModelSettings settings) {
    String value = settings.property("flash-attention").orElse("true").strip();
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(
          "model " + settings.id() + ": flash-attention must be true or false, not " + value);
    }
    return Boolean.parseBoolean(value);
  }

  @Override
  public ChatModel create(ModelSettings settings) {
    Path file = settings.readableFile("model");
    int parallel = settings.number("parallel", DEFAULT_PARALLEL, 1);
    ModelParameters parameters =
        new ModelParameters()
            .setModel(file.toString())
            .setParallel(parallel)
            .setCtxSize(settings.number("context", 4096, 256) * parallel)
            .setGpuLayers(settings.number("gpu-layers", 0, 0));
    if (settings.property("threads").isPresent()) {
      parameters.setThreads(settings.number("threads", 1, 1));
    }
    settings.property("chat-template").ifPresent(parameters::setChatTemplate);
    if (flashAttention(settings)) {
      parameters.enableFlashAttn();
    }
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
