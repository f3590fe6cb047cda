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
 * A Keycloak user as the application has seen them on their last sign-in. Keyed by the token's
 * subject, which survives renames of the username.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = AppUser.BY_SUBJECT, query = "select u from AppUser u where u.subject = :subject")
public class AppUser {

  public static final String BY_SUBJECT = "AppUser.bySubject";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String subject;

  @Column(nullable = false)
  private String username;

  @Column(length = 320)
  private String email;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "first_seen_at", nullable = false)
  private Instant firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  /** The tenant the user chose to act for; a preference, checked against memberships on use. */
  @Column(name = "active_tenant_id")
  private Long activeTenantId;

  /** The language the user chose for the app (a BCP 47 tag), or null: their browser's. */
  @Column(length = 16)
  private String language;

  // No @Version: every field is either what the identity provider said at the latest call or the
  // user's own latest choice, so the last write is the right one. Optimistic locking only made
  // a user's concurrent first requests fail each other's last-seen updates. (The column stays,
  // DEFAULT 0, unused.)

  protected AppUser() {}

  public AppUser(
      String subject, String username, String email, String displayName, Instant seenAt) {
    this.subject = Objects.requireNonNull(subject);
    this.firstSeenAt = Objects.requireNonNull(seenAt);
    updateProfile(username, email, displayName, seenAt);
  }

  /** Copies what the identity provider says about the user now. */
  public void updateProfile(String username, String email, String displayName, Instant seenAt) {
    this.username = Objects.requireNonNull(username);
    this.email = email;
    this.displayName = displayName;
    this.lastSeenAt = Objects.requireNonNull(seenAt);
  }

  public Long getId() {
    return id;
  }

  public String getSubject() {
    return subject;
  }

  public String getUsername() {
    return username;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public Instant getFirstSeenAt() {
    return firstSeenAt;
  }

  public Instant getLastSeenAt() {
    return lastSeenAt;
  }

  public Long getActiveTenantId() {
    return activeTenantId;
  }

  public void actFor(Tenant tenant) {
    this.activeTenantId = tenant.getId();
  }

  public String getLanguage() {
    return language;
  }

  public void chooseLanguage(String languageTag) {
    this.language = languageTag;
  }
}
