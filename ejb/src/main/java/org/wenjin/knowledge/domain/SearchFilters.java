package org.wenjin.knowledge.domain;

import java.util.Optional;

/**
 * What a search is narrowed to, besides the caller's tenant and groups (always applied).
 *
 * @param mediaType e.g. {@code application/pdf}
 */
public record SearchFilters(
    Optional<String> collection, Optional<String> label, Optional<String> mediaType) {

  public static final SearchFilters NONE =
      new SearchFilters(Optional.empty(), Optional.empty(), Optional.empty());
}
