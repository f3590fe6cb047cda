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
 */
public final class DjlCausalLmProvider implements ChatModelProvider {

  static final String ENGINE = "PyTorch";

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
            return new DjlCausalLm(model, tokenizer, config, isWordPiece(tokenizerFile), useCache);
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
