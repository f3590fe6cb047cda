package org.wenjin.api;

import java.util.List;

/**
 * One page of a listing, from the query's {@code page} (counted from 0) and {@code size}. A size
 * over the listing's cap is refused (400), not quietly cut: the caller would otherwise take a short
 * page for the last one. So are a negative page, a size below 1 and anything not a whole number
 * (which JAX-RS itself would answer with a bare 404).
 */
record PageRequest(int page, int size) {

  /** Cap and default of the listings without one of their own: conversations, turns, documents. */
  static final int MAX_SIZE = 100;

  static final int DEFAULT_SIZE = 50;

  static PageRequest of(String page, String size) {
    return of(page, size, DEFAULT_SIZE, MAX_SIZE);
  }

  static PageRequest of(String page, String size, int defaultSize, int maxSize) {
    int p = number("page", page, 0);
    int s = number("size", size, defaultSize);
    if (p < 0) {
      throw invalid("'page' counts from 0; " + p + " is not a page.");
    }
    if (s < 1 || s > maxSize) {
      throw invalid("'size' must be 1 to " + maxSize + " per page, not " + s + ".");
    }
    return new PageRequest(p, s);
  }

  /** This page of a list that is already complete in memory. */
  <T> List<T> of(List<T> all) {
    long from = Math.min(all.size(), (long) page * size);
    return all.subList((int) from, (int) Math.min(all.size(), from + size));
  }

  private static int number(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw invalid("'" + name + "' must be a whole number, not '" + clip(value) + "'.");
    }
  }

  private static String clip(String value) {
    return value.length() > 20 ? value.substring(0, 20) + "…" : value;
  }

  private static InvalidRequestException invalid(String message) {
    return new InvalidRequestException(message);
  }
}
