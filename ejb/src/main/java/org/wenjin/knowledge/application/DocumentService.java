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

  List<KnowledgeDocument> list();

  KnowledgeDocument get(long documentId);

  /** Removes the document, its file and every chunk in the index. */
  void delete(long documentId);

  /** Queues the document to be indexed again from its stored original. */
  KnowledgeDocument reindex(long documentId);

  /** Queues every document of the company again; returns how many. */
  int reindexAll();
}
