package org.wenjin.knowledge.domain;

import java.io.Serializable;
import org.wenjin.platform.text.RuleMessage;

/**
 * A company's knowledge settings: how documents are cut into passages and how many passages, how
 * close to the question, ground an answer.
 */
public record KnowledgeSettings(ChunkingRules chunking, int passages, double minSimilarity)
    implements Serializable {

  /** Defaults and their reasons: {@link ChunkingRules#DEFAULT}, docs/knowledge.md. */
  public static final KnowledgeSettings DEFAULT =
      new KnowledgeSettings(ChunkingRules.DEFAULT, 4, 0.6);

  public KnowledgeSettings {
    if (passages < 0 || passages > 10) {
      throw new KnowledgeRules(RuleMessage.of("knowledge.settings.passages", 10));
    }
    if (Double.isNaN(minSimilarity) || minSimilarity < 0 || minSimilarity > 1) {
      throw new KnowledgeRules(RuleMessage.of("knowledge.settings.min-similarity"));
    }
  }

  /** Builds settings from a form, with the rules' messages for bad values. */
  public static KnowledgeSettings of(
      int chunkSize, int chunkOverlap, int passages, double minSimilarity) {
    ChunkingRules chunking;
    try {
      chunking = new ChunkingRules(chunkSize, chunkOverlap);
    } catch (IllegalArgumentException e) { // the rules' own check, said for the person who typed
      throw new KnowledgeRules(
          chunkSize < ChunkingRules.MIN_SIZE || chunkSize > ChunkingRules.MAX_SIZE
              ? RuleMessage.of(
                  "knowledge.settings.chunk-size", ChunkingRules.MIN_SIZE, ChunkingRules.MAX_SIZE)
              : RuleMessage.of("knowledge.settings.chunk-overlap"));
    }
    return new KnowledgeSettings(chunking, passages, minSimilarity);
  }
}
