package org.wenjin.persistence.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A company using Wenjin; mirrors a Keycloak Organization, identified by its alias. */
@Entity
@Table(name = "tenant")
@NamedQuery(name = Tenant.BY_ALIAS, query = "select t from Tenant t where t.alias = :alias")
@NamedQuery(name = Tenant.ALL, query = "select t from Tenant t order by t.alias")
public class Tenant {

  public static final String BY_ALIAS = "Tenant.byAlias";
  public static final String ALL = "Tenant.all";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String alias;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Column(name = "email_domain", length = 253)
  private String emailDomain;

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Tenant() {}

  public Tenant(String alias, String displayName, Instant createdAt) {
    this.alias = Objects.requireNonNull(alias);
    this.displayName = Objects.requireNonNull(displayName);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public Long getId() {
    return id;
  }

  public String getAlias() {
    return alias;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void rename(String newDisplayName) {
    this.displayName = Objects.requireNonNull(newDisplayName);
  }

  public String getEmailDomain() {
    return emailDomain;
  }

  public void setEmailDomain(String emailDomain) {
    this.emailDomain = emailDomain;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
