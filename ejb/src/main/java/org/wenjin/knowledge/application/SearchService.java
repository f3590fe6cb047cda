package org.wenjin.knowledge.application;

import java.util.List;
import org.wenjin.knowledge.domain.Facet;
import org.wenjin.knowledge.domain.SearchFilters;
import org.wenjin.knowledge.domain.SearchHit;

/** Hybrid search over the caller's visible documents. */
public interface SearchService {

  /** Results per page; at most 50. */
  int MAX_PAGE_SIZE = 50;

  /**
   * @throws org.wenjin.knowledge.domain.KnowledgeRules for an empty or unusable query
   * @throws org.wenjin.knowledge.domain.SearchUnavailableException when the index is down
   */
  SearchResults search(String query, SearchFilters filters, int page, int size);

  /** Up to 8 titles and headings of the caller's visible documents to complete {@code prefix}. */
  List<String> suggest(String prefix);

  /** The collections the caller's visible documents belong to. */
  List<Facet> collections();

  /**
   * Every passage of a document the caller may see, in order.
   *
   * @throws org.wenjin.knowledge.domain.KnowledgeRules (not found) for a document that does not
   *     exist, is not indexed yet, or is outside the caller's company or groups
   */
  List<SearchHit> document(long documentId);

  /**
   * The passages that ground an answer, as the company's settings say: at most so many, each at
   * least so similar to the question (none when the company turned grounding off).
   *
   * @param collections search only these; empty: every collection
   */
  List<SearchHit> passages(String question, List<String> collections);

  /** Like {@link #passages(String, List)}, at most {@code count} of them (null: the setting). */
  List<SearchHit> passages(String question, List<String> collections, Integer count);
}
