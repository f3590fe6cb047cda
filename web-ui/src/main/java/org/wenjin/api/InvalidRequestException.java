package org.wenjin.api;

/**
 * A request the API itself refuses before any facade sees it (a page size over the cap, a page that
 * is no number): {@link ApiExceptionMapper} makes it a 400 {@code invalid_request}.
 */
public class InvalidRequestException extends RuntimeException {

  public InvalidRequestException(String message) {
    super(message);
  }
}
