package org.wenjin.knowledge.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.wenjin.knowledge.domain.ChunkingRules;
import org.wenjin.knowledge.domain.DocumentRepository;
import org.wenjin.knowledge.domain.KnowledgeSettings;
import org.wenjin.persistence.knowledge.TenantKnowledgeSettings;

/**
 * The current tenant's knowledge settings; without a saved row, {@link KnowledgeSettings#DEFAULT}.
 */
@Stateless
public class KnowledgeSettingsService {

  @Inject private DocumentRepository documents;

  public KnowledgeSettings current() {
    return documents
        .settings()
        .map(
            s ->
                new KnowledgeSettings(
                    new ChunkingRules(s.getChunkSize(), s.getChunkOverlap()),
                    s.getPassages(),
                    s.getMinSimilarity()))
        .orElse(KnowledgeSettings.DEFAULT);
  }

  /** Saves the settings; new chunking applies to documents indexed (or re-indexed) from now on. */
  public KnowledgeSettings change(KnowledgeSettings settings) {
    int size = settings.chunking().size();
    int overlap = settings.chunking().overlap();
    documents
        .settings()
        .ifPresentOrElse(
            s -> s.change(size, overlap, settings.passages(), settings.minSimilarity()),
            () ->
                documents.saveSettings(
                    new TenantKnowledgeSettings(
                        size, overlap, settings.passages(), settings.minSimilarity())));
    return settings;
  }
}
