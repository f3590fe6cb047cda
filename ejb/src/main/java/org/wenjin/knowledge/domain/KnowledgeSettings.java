package org.wenjin.knowledge.domain;

import java.io.Serializable;

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
      throw new KnowledgeRules("Passages per answer must be between 0 (none) and 10.");
    }
    if (Double.isNaN(minSimilarity) || minSimilarity < 0 || minSimilarity > 1) {
      throw new KnowledgeRules("The least similarity must be between 0 and 1.");
    }
  }

  /** Builds settings from a form, with the rules' messages for bad values. */
  public static KnowledgeSettings of(
      int chunkSize, int chunkOverlap, int passages, double minSimilarity) {
    ChunkingRules chunking;
    try {
      chunking = new ChunkingRules(chunkSize, chunkOverlap);
    } catch (IllegalArgumentException e) {
      throw new KnowledgeRules(
          Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1) + ".");
    }
    return new KnowledgeSettings(chunking, passages, minSimilarity);
  }
}
