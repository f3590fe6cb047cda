package org.wenjin.engine.djl;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shape of a decoder, as {@code wenjin-lm.json} in the model's folder describes it.
 *
 * @param vocabSize tokens the tokenizer knows (rows of the embedding, columns of the output)
 * @param hidden width of the residual stream; a multiple of {@code heads}
 * @param maxLength longest prompt plus answer, in tokens
 * @param eosTokenId the token that ends an answer
 */
public record DecoderConfig(
    @JsonProperty("vocab_size") int vocabSize,
    @JsonProperty("hidden_size") int hidden,
    @JsonProperty("num_heads") int heads,
    @JsonProperty("num_layers") int layers,
    @JsonProperty("max_length") int maxLength,
    @JsonProperty("eos_token_id") int eosTokenId) {

  public static final String FILE = "wenjin-lm.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public DecoderConfig {
    if (vocabSize < 2 || hidden < 1 || heads < 1 || layers < 1 || maxLength < 2) {
      throw new IllegalArgumentException("decoder sizes must be positive");
    }
    if (hidden % heads != 0) {
      throw new IllegalArgumentException(
          "hidden_size " + hidden + " is not a multiple of num_heads " + heads);
    }
    if (eosTokenId < 0 || eosTokenId >= vocabSize) {
      throw new IllegalArgumentException("eos_token_id is outside the vocabulary");
    }
  }

  int headSize() {
    return hidden / heads;
  }

  static DecoderConfig read(Path folder) {
    Path file = folder.resolve(FILE);
    try {
      return JSON.readValue(file.toFile(), DecoderConfig.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@value #FILE} into {@code folder}, next to the parameters. */
  public void write(Path folder) throws IOException {
    Files.writeString(
        folder.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
  }
}
