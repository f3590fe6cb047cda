package org.wenjin.knowledge.infrastructure.elastic;

import org.wenjin.knowledge.domain.SearchUnavailableException;

/** Elasticsearch could not be reached or failed: the message a user (and the worker) acts on. */
final class Unavailable {

  private Unavailable() {}

  static SearchUnavailableException because(Throwable e) {
    return new SearchUnavailableException(
        "The search service is not available right now ("
            + e.getMessage()
            + "); try again shortly.",
        e);
  }
}
