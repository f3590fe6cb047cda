package org.wenjin.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.domain.IdentityProviderException;
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

  private static final Logger LOG = Logger.getLogger(OrganizationMemberships.class.getName());

  /** How long a looked-up membership list is used; a change in Keycloak shows after this. */
  static final Duration FRESH_FOR = Duration.ofSeconds(60);

  /** Bounds the memory: beyond this many callers the cache starts over. */
  private static final int MAX_ENTRIES = 10_000;

  private record Lookup(List<String> aliases, Instant at) {}

  private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();
  private final OrganizationDirectory directory;
  private final Clock clock;

  @Inject
  public OrganizationMemberships(OrganizationDirectory directory) {
    this(directory, Clock.systemUTC());
  }

  OrganizationMemberships(OrganizationDirectory directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
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
    Instant now = clock.instant();
    Lookup known = lookups.get(subject);
    if (known != null && now.isBefore(known.at().plus(FRESH_FOR))) {
      return known.aliases();
    }
    try {
      List<String> aliases = directory.organizationsOf(subject);
      if (lookups.size() >= MAX_ENTRIES) {
        lookups.clear();
      }
      lookups.put(subject, new Lookup(aliases, now));
      return aliases;
    } catch (IdentityProviderException e) {
      if (known == null) {
        throw e;
      }
      // better the last answer than locking a signed-in user out while Keycloak restarts
      LOG.warning("Keycloak unreachable; using the memberships looked up at " + known.at());
      return known.aliases();
    }
  }
}
