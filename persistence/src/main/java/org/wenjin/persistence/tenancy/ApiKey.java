package org.wenjin.persistence.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A personal API key: a user's credential for the OpenAI-compatible API in one company. Not
 * tenant-filtered by Hibernate ({@code @TenantId}) like the conversations are: a request finds its
 * key before anyone knows its tenant, exactly as a sign-in finds its {@link AppUser}; the tenancy
 * repository filters by tenant and user explicitly. Only the key's SHA-256 is stored.
 */
@Entity
@Table(name = "api_key")
@NamedQuery(name = ApiKey.BY_HASH, query = "select k from ApiKey k where k.secretHash = :hash")
@NamedQuery(
    name = ApiKey.OF_USER,
    query =
        "select k from ApiKey k where k.tenantId = :tenant and k.userId = :user"
            + " order by k.createdAt desc, k.id desc")
@NamedQuery(
    name = ApiKey.OF_TENANT,
    query =
        "select k from ApiKey k where k.tenantId = :tenant order by k.createdAt desc, k.id desc")
public class ApiKey {

  public static final String BY_HASH = "ApiKey.byHash";
  public static final String OF_USER = "ApiKey.ofUser";
  public static final String OF_TENANT = "ApiKey.ofTenant";

  public static final int MAX_NAME = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @Column(name = "user_id", nullable = false, updatable = false)
  private Long userId;

  @Column(nullable = false, length = MAX_NAME)
  private String name;

  /** The first characters of the key, shown in lists so its owner can tell keys apart. */
  @Column(name = "key_prefix", nullable = false, length = 16, updatable = false)
  private String prefix;

  @Column(name = "secret_hash", nullable = false, length = 64, unique = true, updatable = false)
  private String secretHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by")
  private String revokedBy;

  protected ApiKey() {}

  public ApiKey(
      long tenantId, long userId, String name, String prefix, String secretHash, Instant at) {
    this.tenantId = tenantId;
    this.userId = userId;
    this.name = Objects.requireNonNull(name);
    this.prefix = Objects.requireNonNull(prefix);
    this.secretHash = Objects.requireNonNull(secretHash);
    this.createdAt = Objects.requireNonNull(at);
  }

  public Long getId() {
    return id;
  }

  public long getTenantId() {
    return tenantId;
  }

  public long getUserId() {
    return userId;
  }

  public String getName() {
    return name;
  }

  public String getPrefix() {
    return prefix;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public String getRevokedBy() {
    return revokedBy;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public void used(Instant at) {
    this.lastUsedAt = Objects.requireNonNull(at);
  }

  /** Revoking twice keeps the first record of who did it and when. */
  public void revoke(String by, Instant at) {
    if (revokedAt == null) {
      this.revokedAt = Objects.requireNonNull(at);
      this.revokedBy = Objects.requireNonNull(by);
    }
  }
}
