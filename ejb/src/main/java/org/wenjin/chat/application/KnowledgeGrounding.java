package org.wenjin.chat.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wenjin.chat.domain.Citation;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.engine.spi.Passage;
import org.wenjin.knowledge.application.SearchService;
import org.wenjin.knowledge.domain.SearchHit;
import org.wenjin.knowledge.domain.SearchUnavailableException;

/**
 * Finds the passages of the caller's visible documents that ground an answer (how many and how
 * close: the company's knowledge settings). When the search is down, the answer goes ahead without
 * passages (the model is told nothing it cannot cite).
 */
@ApplicationScoped
public class KnowledgeGrounding {

  private static final Logger LOG = Logger.getLogger(KnowledgeGrounding.class.getName());

  @Inject private SearchService search;

  /** The numbered passages for the model and the citations to store with the answer. */
  public record Grounding(List<Passage> passages, List<Citation> citations) {}

  public Grounding forQuestion(String question, DocumentSources sources) {
    if (!sources.enabled()) {
      return new Grounding(List.of(), List.of());
    }
    return forQuery(question, sources.collections(), null);
  }

  /**
   * A flow's retrieve step: the passages for {@code query} in {@code collections} (empty: all the
   * caller may see), at most {@code count} (null: the company's setting), numbered from 1.
   */
  public Grounding forQuery(String query, List<String> collections, Integer count) {
    List<SearchHit> hits;
    try {
      hits = search.passages(query, collections, count);
    } catch (SearchUnavailableException e) {
      LOG.log(Level.WARNING, "knowledge search unavailable; answering without passages", e);
      return new Grounding(List.of(), List.of());
    }
    List<Passage> passages = new ArrayList<>(hits.size());
    List<Citation> citations = new ArrayList<>(hits.size());
    int marker = 1;
    for (SearchHit hit : hits) {
      passages.add(new Passage(marker, hit.title(), hit.sourceName(), hit.text()));
      citations.add(
          new Citation(
              marker, hit.documentId(), hit.chunk(), hit.title(), hit.sourceName(), hit.page()));
      marker++;
    }
    return new Grounding(passages, citations);
  }
}
