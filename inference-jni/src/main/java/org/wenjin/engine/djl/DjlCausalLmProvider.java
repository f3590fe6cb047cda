package org.wenjin.engine.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.ChatModelProvider;
import org.wenjin.engine.spi.ModelSettings;

/**
 * Backend {@code djl}: a decoder in DJL's format on the PyTorch engine. Properties: {@code folder}
 * (holding {@value DecoderConfig#FILE}, {@code tokenizer.json} and {@code <name>-NNNN.params}),
 * optional {@code name} (the parameters' name, default {@code wenjin-lm}), {@code device} ({@code
 * cpu}, {@code gpu} or {@code gpu:N}; default: a GPU when the engine sees one, else the CPU).
 *
 * <p>Concurrent conversations are batched ({@link RollingBatch}): {@code max_batch} (default
 * {@value #DEFAULT_MAX_BATCH}) decode together, a newcomer's prompt is read {@code prefill_chunk}
 * (default {@value #DEFAULT_PREFILL_CHUNK}) tokens at a time between their steps; {@code
 * batching=false} decodes each on its own thread instead. Give the model as many pool slots as
 * {@code max_batch}: a slot is a place in the batch.
 */
public final class DjlCausalLmProvider implements ChatModelProvider {

  static final String ENGINE = "PyTorch";
  static final int DEFAULT_MAX_BATCH = 16;
  static final int DEFAULT_PREFILL_CHUNK = 32;

  @Override
  public String backend() {
    return "djl";
  }

  @Override
  public ChatModel create(ModelSettings settings) {
    return load(settings, true);
  }

  /**
   * @param useCache false recomputes the whole sequence every step (tests compare the two)
   */
  DjlCausalLm load(ModelSettings settings, boolean useCache) {
    Path folder = Path.of(settings.required("folder"));
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(
          "model " + settings.id() + ": folder " + folder + " does not exist");
    }
    DecoderConfig config = DecoderConfig.read(folder);
    Path tokenizerFile = folder.resolve("tokenizer.json");
    String name = settings.property("name").orElse("wenjin-lm");
    Device device = settings.property("device").map(Device::fromName).orElse(null);
    return DjlClassLoader.call(
        () -> {
          HuggingFaceTokenizer tokenizer = tokenizer(settings, tokenizerFile);
          try {
            ZooModel<NDList, NDList> model =
                Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optEngine(ENGINE)
                    .optDevice(device)
                    .optModelPath(folder)
                    .optModelName(name)
                    .optBlock(new DecoderBlock(config))
                    .optTranslator(new NoopTranslator())
                    .build()
                    .loadModel();
            RollingBatch batch =
                useCache && batching(settings)
                    ? new RollingBatch(
                        settings.id(),
                        model,
                        config,
                        settings.number("max_batch", DEFAULT_MAX_BATCH, 1),
                        settings.number("prefill_chunk", DEFAULT_PREFILL_CHUNK, 1))
                    : null;
            return new DjlCausalLm(
                model, tokenizer, config, isWordPiece(tokenizerFile), useCache, batch);
          } catch (IOException
              | ModelNotFoundException
              | MalformedModelException
              | RuntimeException e) {
            tokenizer.close();
            throw new ChatModelException(
                ChatModelException.Kind.UNAVAILABLE,
                "cannot load the DJL model " + name + " from " + folder + ": " + e.getMessage(),
                e);
          }
        });
  }

  private static boolean batching(ModelSettings settings) {
    String value = settings.property("batching").orElse("true").trim();
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(
          "model " + settings.id() + ": batching must be true or false, not " + value);
    }
    return Boolean.parseBoolean(value);
  }

  private static HuggingFaceTokenizer tokenizer(ModelSettings settings, Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(
          "model " + settings.id() + ": " + file + " is missing (the model's tokenizer)");
    }
    try {
      // by Path, never by hub name: a hub name ignores ai.djl.offline and goes to the network
      return HuggingFaceTokenizer.builder().optTokenizerPath(file).optTruncation(false).build();
    } catch (IOException | RuntimeException e) {
      throw new ChatModelException(
          ChatModelException.Kind.UNAVAILABLE,
          "cannot read the tokenizer " + file + ": " + e.getMessage(),
          e);
    }
  }

  private static boolean isWordPiece(Path tokenizerFile) {
    try {
      return "WordPiece"
          .equals(
              new ObjectMapper()
                  .readTree(tokenizerFile.toFile())
                  .path("decoder")
                  .path("type")
                  .asText());
    } catch (IOException e) {
      return false;
    }
  }
}
