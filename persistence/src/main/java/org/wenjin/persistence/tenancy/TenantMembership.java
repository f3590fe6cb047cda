package org.wenjin.persistence.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** That a user has signed in as a member of a tenant, and when. */
@Entity
@Table(name = "tenant_membership")
public class TenantMembership {

  /** Composite key: one row per (tenant, user). */
  @Embeddable
  public record Key(
      @Column(name = "tenant_id", nullable = false) Long tenantId,
      @Column(name = "user_id", nullable = false) Long userId)
      implements Serializable {}

  @EmbeddedId private Key key;

  @Column(name = "first_seen_at", nullable = false)
  private Instant firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  protected TenantMembership() {}

  public TenantMembership(Tenant tenant, AppUser user, Instant seenAt) {
    this.key = new Key(tenant.getId(), user.getId());
    this.firstSeenAt = Objects.requireNonNull(seenAt);
    this.lastSeenAt = seenAt;
  }

  public Key getKey() {
    return key;
  }

  public Instant getFirstSeenAt() {
    return firstSeenAt;
  }

  public Instant getLastSeenAt() {
    return lastSeenAt;
  }

  public void seen(Instant at) {
    this.lastSeenAt = Objects.requireNonNull(at);
  }
}
