package org.wenjin.knowledge.interfaces;

import java.io.Serializable;
import org.wenjin.knowledge.domain.KnowledgeSettings;

/**
 * A company's knowledge settings as its admins edit them.
 *
 * @param chunkSize characters per passage (100–1200)
 * @param chunkOverlap characters a passage repeats from the one before (up to half the size)
 * @param passages passages per chat answer (0 turns grounding off, at most 10)
 * @param minSimilarity least cosine similarity of a passage to the question (0–1)
 */
public record KnowledgeSettingsDto(
    int chunkSize, int chunkOverlap, int passages, double minSimilarity) implements Serializable {

  static KnowledgeSettingsDto of(KnowledgeSettings s) {
    return new KnowledgeSettingsDto(
        s.chunking().size(), s.chunking().overlap(), s.passages(), s.minSimilarity());
  }
}
