package org.wenjin.knowledge.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.inference.application.EmbeddingService;
import org.wenjin.knowledge.domain.KnowledgeRules;
import org.wenjin.knowledge.domain.SearchUnavailableException;
import org.wenjin.platform.text.RuleMessage;

/**
 * The knowledge base's embedding models offered to API clients ({@code /v1/embeddings}): the same
 * models, so a client's vectors are comparable with the company's passages. A text is embedded as a
 * passage (no query instruction), by the model the client names.
 */
@ApplicationScoped
public class TextEmbeddings {

  /** Inputs of one request: what the OpenAI API allows is more than one CPU request should do. */
  public static final int MAX_INPUTS = 256;

  /** Characters of one input; the models read 512 tokens, the rest would be cut silently. */
  public static final int MAX_CHARS = 8_000;

  private static final Logger LOG = Logger.getLogger(TextEmbeddings.class.getName());

  @Inject private EmbeddingService embeddings;

  /**
   * The ids of the models, Chinese first; one id when English has no model of its own; none when
   * they cannot load (the chat models are still listed).
   */
  public List<String> models() {
    try {
      return Stream.of(EmbeddingService.CHINESE, EmbeddingService.ENGLISH)
          .map(embeddings::modelId)
          .distinct()
          .toList();
    } catch (ChatModelException e) {
      LOG.log(Level.WARNING, "embedding models cannot load; none offered to API clients", e);
      return List.of();
    }
  }

  /** One vector per input, in order. */
  public List<float[]> embed(String model, List<String> inputs) {
    if (inputs.isEmpty()) {
      throw new KnowledgeRules(RuleMessage.of("knowledge.embed.no-input"));
    }
    if (inputs.size() > MAX_INPUTS) {
      throw new KnowledgeRules(RuleMessage.of("knowledge.embed.too-many", MAX_INPUTS));
    }
    for (String input : inputs) {
      if (input == null || input.isBlank()) {
        throw new KnowledgeRules(RuleMessage.of("knowledge.embed.empty-input"));
      }
      if (input.length() > MAX_CHARS) {
        throw new KnowledgeRules(RuleMessage.of("knowledge.embed.too-long", MAX_CHARS));
      }
    }
    try {
      return embeddings.embedPassages(languageOf(model), inputs);
    } catch (ChatModelException e) {
      throw new SearchUnavailableException(
          RuleMessage.of("knowledge.embed.model-unavailable", String.valueOf(e.getMessage())), e);
    }
  }

  private String languageOf(String model) {
    for (String language : List.of(EmbeddingService.CHINESE, EmbeddingService.ENGLISH)) {
      if (embeddings.modelId(language).equals(model)) {
        return language;
      }
    }
    throw KnowledgeRules.notFound(RuleMessage.of("knowledge.embed.model-unknown", model));
  }
}
