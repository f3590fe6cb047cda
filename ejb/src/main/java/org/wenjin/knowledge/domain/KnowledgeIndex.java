package org.wenjin.knowledge.domain;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The search index of knowledge chunks, always within the current caller's tenant (and, for
 * searches, their groups): no method takes a tenant, the implementation reads it from the caller
 * scope. The only way into Elasticsearch for knowledge (an architecture test keeps it so).
 */
public interface KnowledgeIndex {

  /**
   * Creates the index, or moves it to the current mapping version; run by the ingestion worker
   * before anything else touches the index.
   *
   * @return true when the index is new (empty): every document must be indexed again
   */
  boolean prepare();

  /**
   * Starts writing chunks {@code chunks} of {@code document} (ids {@code <document>-<chunk index>},
   * so a repeat overwrites instead of duplicating) and returns at once, so the caller can embed the
   * next chunks meanwhile.
   *
   * @param models the id of the embedding model that made each vector
   * @return completes when the index has the chunks; fails with {@link SearchUnavailableException}
   *     when the index cannot be reached, or {@link IllegalStateException} when it refused a chunk
   */
  CompletableFuture<Void> index(
      IndexedDocument document, List<Chunk> chunks, List<float[]> vectors, List<String> models);

  /**
   * Removes chunks {@code from} (inclusive) to {@code to} (exclusive) of a document; they are out
   * of every search when this returns.
   */
  void delete(long documentId, int from, int to);

  /** Makes everything written so far searchable (else it takes up to a second). */
  void refresh();

  /**
   * Every passage of one document in order, if the caller may see the document (else none: a
   * document of another tenant or group looks like a missing one).
   */
  List<SearchHit> passages(long documentId);

  /**
   * Titles and headings of the caller's visible documents that contain {@code prefix} as a phrase
   * start, for the search box's suggestions; at most {@code max}, no duplicates.
   */
  List<String> suggest(String prefix, int max);

  /** The collections of the documents the caller may see, most passages first. */
  List<Facet> collections();

  /** Words and vector rankings of the caller's visible chunks, fused, with facets. */
  SearchPage search(SearchRequest request);

  /**
   * The hits with the excerpts where the query's words occur, highlighted. Asked for the page a
   * user sees only: highlighting all the hundred hits a fusion ranks would cost more than the
   * search itself.
   */
  List<SearchHit> highlight(String text, List<SearchHit> hits);
}
