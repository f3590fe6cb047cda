package org.wenjin.knowledge.application;

import java.util.List;
import org.wenjin.persistence.knowledge.KnowledgeDocument;
import org.wenjin.tenancy.application.ActingCaller;

/** The caller's company's documents. Every id is looked up inside the caller's tenant. */
public interface DocumentService {

  /**
   * Stores the file and queues it for indexing; returns once both are committed.
   *
   * @throws org.wenjin.knowledge.domain.KnowledgeRules when the file is refused (and nothing is
   *     stored)
   */
  KnowledgeDocument upload(ActingCaller caller, UploadCommand upload);

  /** The largest file {@link #upload} accepts, in bytes (configured per installation). */
  long maxUploadBytes();

  List<KnowledgeDocument> list();

  /** One page, newest first: {@code limit} at most, after the first {@code offset}. */
  List<KnowledgeDocument> list(int offset, int limit);

  KnowledgeDocument get(long documentId);

  /**
   * The stored original, if the caller may see the document (it is for the whole company, or for a
   * group of theirs); else the same "not found" as for a missing id.
   */
  DocumentFile original(ActingCaller caller, long documentId);

  /** A stored original file. */
  record DocumentFile(String fileName, String mediaType, byte[] bytes) {}

  /** Removes the document, its file and every chunk in the index. */
  void delete(long documentId);

  /** Queues the document to be indexed again from its stored original. */
  KnowledgeDocument reindex(long documentId);

  /** Queues every document of the company again; returns how many. */
  int reindexAll();
}
