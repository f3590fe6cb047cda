package org.wenjin.knowledge.infrastructure.elastic;

import org.wenjin.knowledge.domain.SearchUnavailableException;
import org.wenjin.platform.text.RuleMessage;

/** Elasticsearch could not be reached or failed: the message a user (and the worker) acts on. */
final class Unavailable {

  private Unavailable() {}

  static SearchUnavailableException because(Throwable e) {
    return new SearchUnavailableException(
        RuleMessage.of("knowledge.search.unavailable", String.valueOf(e.getMessage())), e);
  }
}
