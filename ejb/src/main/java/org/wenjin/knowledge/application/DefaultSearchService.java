package org.wenjin.knowledge.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.inference.application.EmbeddingService;
import org.wenjin.knowledge.domain.Facet;
import org.wenjin.knowledge.domain.KnowledgeIndex;
import org.wenjin.knowledge.domain.KnowledgeRules;
import org.wenjin.knowledge.domain.KnowledgeSettings;
import org.wenjin.knowledge.domain.NeighbourMerge;
import org.wenjin.knowledge.domain.QueryLanguage;
import org.wenjin.knowledge.domain.SearchFilters;
import org.wenjin.knowledge.domain.SearchHit;
import org.wenjin.knowledge.domain.SearchPage;
import org.wenjin.knowledge.domain.SearchQueries;
import org.wenjin.knowledge.domain.SearchRequest;
import org.wenjin.knowledge.domain.UploadRules;
import org.wenjin.platform.text.RuleMessage;

@ApplicationScoped
public class DefaultSearchService implements SearchService {

  private static final Logger LOG = Logger.getLogger(DefaultSearchService.class.getName());

  /** Hits each ranking contributes to the fusion; deeper pages than this are not offered. */
  static final int WINDOW = 100;

  @Inject private KnowledgeIndex index;

  @Inject private EmbeddingService embeddings;

  @Inject private KnowledgeSettingsService settings;

  @Override
  public SearchResults search(String query, SearchFilters filters, int page, int size) {
    String q = SearchQueries.validate(query);
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new KnowledgeRules(RuleMessage.of("knowledge.search.page-size", MAX_PAGE_SIZE));
    }
    if (page < 0 || (long) page * size >= WINDOW) {
      throw new KnowledgeRules(RuleMessage.of("knowledge.search.window", WINDOW));
    }
    float[] vector = queryVector(q);
    SearchFilters narrowed =
        new SearchFilters(
            filters.collections().stream()
                .filter(c -> !c.isBlank())
                .map(UploadRules::collection)
                .toList(),
            filters.label().filter(l -> !l.isBlank()).map(String::strip),
            filters.mediaType().filter(m -> !m.isBlank()).map(String::strip));
    SearchPage found = index.search(new SearchRequest(q, vector, narrowed, WINDOW, true));
    List<SearchHit> merged = NeighbourMerge.merge(found.hits());
    List<SearchHit> all = merged.subList(0, Math.min(WINDOW, merged.size())); // as the pager offers
    int from = Math.min(all.size(), page * size);
    int to = Math.min(all.size(), from + size);
    double minSimilarity = settings.current().minSimilarity();
    // the same rule grounding applies: would chat answer from any of these?
    boolean goodMatch = all.stream().anyMatch(h -> h.isGood(minSimilarity));
    List<SearchHit> shown = index.highlight(q, all.subList(from, to));
    return new SearchResults(q, shown, all.size(), page, vector == null, goodMatch, found.facets());
  }

  @Override
  public List<String> suggest(String prefix) {
    String p = prefix == null ? "" : prefix.strip();
    if (p.isEmpty() || p.length() > 100 || p.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return List.of();
    }
    return index.suggest(p, 8);
  }

  @Override
  public List<Facet> collections() {
    return index.collections();
  }

  @Override
  public List<SearchHit> document(long documentId) {
    List<SearchHit> passages = index.passages(documentId);
    if (passages.isEmpty()) {
      throw KnowledgeRules.notFound();
    }
    return passages;
  }

  @Override
  public List<SearchHit> passages(String question, List<String> collections) {
    return passages(question, collections, null);
  }

  @Override
  public List<SearchHit> passages(String question, List<String> collections, Integer wanted) {
    KnowledgeSettings tenant = settings.current();
    int count = wanted == null ? tenant.passages() : wanted;
    double minSimilarity = tenant.minSimilarity();
    String q = question == null ? "" : question.strip();
    if (count == 0 || q.isEmpty() || q.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return List.of();
    }
    if (q.length() > SearchQueries.MAX_LENGTH) {
      q = q.substring(0, SearchQueries.MAX_LENGTH);
    }
    float[] vector = queryVector(q);
    // the ranking the search page shows for the same words, then only the passages good enough to
    // hand over: near in meaning or holding most of the question's words (without the model, the
    // latter alone)
    List<SearchHit> ranked =
        index
            .search(
                new SearchRequest(
                    q,
                    vector,
                    new SearchFilters(collections, Optional.empty(), Optional.empty()),
                    WINDOW,
                    false))
            .hits();
    return NeighbourMerge.merge(ranked).stream()
        .filter(h -> h.isGood(minSimilarity))
        .limit(count)
        .toList();
  }

  /**
   * The query's embedding by the model of its language, or null: a search by words still works
   * without the model.
   */
  private float[] queryVector(String q) {
    try {
      return embeddings.embedQuery(QueryLanguage.of(q).tag(), q);
    } catch (ChatModelException e) {
      LOG.log(Level.WARNING, "embedding model unavailable; searching by words only", e);
      return null;
    }
  }
}
