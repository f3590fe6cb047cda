package org.wenjin.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.domain.OrganizationDirectory;

/**
 * Fills in the organizations of a caller whose token does not name them. Keycloak writes the {@code
 * organization} claim only for members of exactly one organization unless the client asks for the
 * scope {@code organization:*}, which WildFly's OIDC client cannot send at the default stability
 * level; so for a token without the claim the app asks Keycloak's admin API, and keeps the answer
 * for a minute (decision record 0006).
 */
@ApplicationScoped
public class OrganizationMemberships {

  /** How long a looked-up membership list is used; a change in Keycloak shows after this. */
  static final Duration FRESH_FOR = Duration.ofSeconds(60);

  /**
   * While Keycloak restarts, the memberships last looked up hold (the token's expiry ends them).
   */
  static final Duration STALE_AFTER = Duration.ofDays(365);

  private final KeycloakAnswers<List<String>> lookups;
  private final OrganizationDirectory directory;

  @Inject
  public OrganizationMemberships(OrganizationDirectory directory) {
    this(directory, Clock.systemUTC());
  }

  OrganizationMemberships(OrganizationDirectory directory, Clock clock) {
    this.directory = directory;
    this.lookups = new KeycloakAnswers<>(FRESH_FOR, STALE_AFTER, clock);
  }

  /** For the CDI container's proxy only. */
  protected OrganizationMemberships() {
    this(null, null);
  }

  /** The caller as the token says, or with the organizations Keycloak lists for them. */
  public CallerIdentity complete(CallerIdentity caller) {
    if (!caller.organizations().isEmpty()) {
      return caller;
    }
    return caller.withOrganizations(lookUp(caller.subject()));
  }

  private List<String> lookUp(String subject) {
    return lookups.get(subject, () -> directory.organizationsOf(subject));
  }
}
