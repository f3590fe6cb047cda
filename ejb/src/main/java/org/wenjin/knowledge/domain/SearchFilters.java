package org.wenjin.knowledge.domain;

import java.util.List;
import java.util.Optional;

/**
 * What a search is narrowed to, besides the caller's tenant and groups (always applied).
 *
 * @param collections any of these; empty: every collection
 * @param mediaType e.g. {@code application/pdf}
 */
public record SearchFilters(
    List<String> collections, Optional<String> label, Optional<String> mediaType) {

  public static final SearchFilters NONE =
      new SearchFilters(List.of(), Optional.empty(), Optional.empty());

  public SearchFilters {
    collections = List.copyOf(collections);
  }
}
