package org.wenjin.tenancy.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.wenjin.persistence.tenancy.ApiKey;

/** Personal API keys, always looked up within one company (or by the key's own hash). */
public interface ApiKeyRepository {

  ApiKey add(ApiKey key);

  Optional<ApiKey> findByHash(String secretHash);

  Optional<ApiKey> find(long tenantId, long keyId);

  /** A user's keys in one company, newest first, revoked ones included. */
  List<ApiKey> ofUser(long tenantId, long userId);

  /** A company's keys with their owners' usernames, newest first, revoked ones included. */
  List<Owned> ofTenant(long tenantId);

  /**
   * Records that the key was used at {@code at}, in a transaction of its own: signing in with a key
   * runs outside any (it asks Keycloak), and a lost update of this is harmless.
   */
  void recordUse(long keyId, Instant at);

  /** Keys of the user in the company that still work. */
  long activeOf(long tenantId, long userId);

  /** A key and its owner's username. */
  record Owned(ApiKey key, String owner) {}
}
