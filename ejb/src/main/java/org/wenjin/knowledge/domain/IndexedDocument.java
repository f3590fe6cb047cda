package org.wenjin.knowledge.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the index stores about a document next to each of its chunks (for filters, facets and result
 * lines), so a search never needs the database.
 *
 * @param visibleTo group names; empty means everyone in the tenant
 */
public record IndexedDocument(
    long id,
    String title,
    String sourceName,
    String mediaType,
    String collection,
    List<String> labels,
    List<String> visibleTo,
    Instant updated) {}
