package org.wenjin.persistence.knowledge;

/** Where a document is on its way into the search index. */
public enum DocumentStatus {
  /** Waiting for the worker (or for a retry after a passing failure; the error says which). */
  QUEUED,
  /** Being parsed, chunked, embedded and indexed; chunks_done of chunks_total are searchable. */
  PROCESSING,
  /** Searchable. */
  INDEXED,
  /** Cannot be indexed as it is (corrupt, encrypted, no text); the error says why. */
  FAILED
}
