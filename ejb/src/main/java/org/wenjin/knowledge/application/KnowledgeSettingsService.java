package org.wenjin.knowledge.application;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import org.wenjin.audit.application.AuditLog;
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

  @Inject private AuditLog audit;

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
    KnowledgeSettings before = current();
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
    audit.action(
        "settings.knowledge-changed",
        JSON.createObjectBuilder()
            .add("before", json(before))
            .add("after", json(settings))
            .build());
    return settings;
  }

  private static JsonObjectBuilder json(KnowledgeSettings s) {
    return JSON.createObjectBuilder()
        .add("chunkSize", s.chunking().size())
        .add("chunkOverlap", s.chunking().overlap())
        .add("passages", s.passages())
        .add("minSimilarity", s.minSimilarity());
  }
}
