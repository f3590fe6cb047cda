package org.wenjin.tenancy.interfaces;

import java.io.Serializable;
import java.time.Instant;

/**
 * A personal API key as its owner and their company's admins see it: never the key itself.
 *
 * @param shown the key's first characters, e.g. {@code wj-AbCdEfGh…}
 * @param lastUsedAt to the minute (null: never used)
 * @param revokedAt null while the key works
 */
public record ApiKeyDto(
    long id,
    String name,
    String shown,
    String owner,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt,
    String revokedBy)
    implements Serializable {

  public boolean isActive() {
    return revokedAt == null;
  }
}
