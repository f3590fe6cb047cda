package org.wenjin.knowledge.domain;

import jakarta.ejb.ApplicationException;

/** The search index cannot be reached or refused the request; trying later may work. */
@ApplicationException(rollback = true)
public class SearchUnavailableException extends RuntimeException {

  public SearchUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
