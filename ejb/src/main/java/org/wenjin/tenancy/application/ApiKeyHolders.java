package org.wenjin.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.domain.CompanyGrants;
import org.wenjin.tenancy.domain.IdentityProviderException;
import org.wenjin.tenancy.domain.OrganizationDirectory;
import org.wenjin.tenancy.domain.OrganizationDirectory.Account;

/**
 * Who the owner of an API key is now. A key carries no token, so what a token would say (enabled,
 * member of the company, groups) is read from Keycloak's admin API and kept for a minute, as for
 * the memberships of token callers (decision 0006): disabling the user, taking the realm role
 * {@code user} away, removing them from the company or from a document group takes effect on their
 * keys within a minute. While Keycloak is down the last answer holds for at most ten minutes.
 *
 * <p>A key acts as a plain user of its one company: the realm role {@code user}, that company's
 * document groups, and none of its company roles, whatever its owner holds. A key is for asking,
 * not for administering.
 */
@ApplicationScoped
public class ApiKeyHolders {

  private static final Logger LOG = Logger.getLogger(ApiKeyHolders.class.getName());

  static final Duration FRESH_FOR = Duration.ofSeconds(60);

  /** While Keycloak cannot be asked, a looked-up account counts this long, then keys get 503. */
  static final Duration STALE_AFTER = Duration.ofMinutes(10);

  private static final int MAX_ENTRIES = 10_000;

  private record Lookup(Optional<Account> account, Instant at) {}

  private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();
  private final OrganizationDirectory directory;
  private final Clock clock;

  @Inject
  public ApiKeyHolders(OrganizationDirectory directory) {
    this(directory, Clock.systemUTC());
  }

  ApiKeyHolders(OrganizationDirectory directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  /** For the CDI container's proxy only. */
  protected ApiKeyHolders() {
    this(null, null);
  }

  /**
   * The key owner as a caller of {@code alias}, or empty when they may not act there now (deleted,
   * disabled, no longer a member).
   *
   * @throws IdentityProviderException when Keycloak cannot be asked and nothing is known yet
   */
  public Optional<CallerIdentity> caller(String subject, String alias) {
    return account(subject)
        .filter(
            a ->
                a.enabled()
                    && a.realmRoles().contains(Roles.USER)
                    && a.organizations().contains(alias))
        .map(
            a ->
                new CallerIdentity(
                    subject,
                    a.username(),
                    a.displayName(),
                    a.email(),
                    List.of(alias),
                    Set.of(Roles.USER),
                    documentGroupPaths(a, alias)));
  }

  /** Only the company's document groups: its role groups would make the key an administrator. */
  private static List<String> documentGroupPaths(Account account, String alias) {
    String prefix = "/" + alias + "/" + CompanyGrants.GROUPS + "/";
    return account.groupPaths().stream().filter(p -> p.startsWith(prefix)).toList();
  }

  private Optional<Account> account(String subject) {
    Instant now = clock.instant();
    Lookup known = lookups.get(subject);
    if (known != null && now.isBefore(known.at().plus(FRESH_FOR))) {
      return known.account();
    }
    try {
      Optional<Account> account = directory.account(subject);
      if (lookups.size() >= MAX_ENTRIES) {
        lookups.clear();
      }
      lookups.put(subject, new Lookup(account, now));
      return account;
    } catch (IdentityProviderException e) {
      if (known == null || now.isAfter(known.at().plus(STALE_AFTER))) {
        throw e; // a key does not outlive its owner's access by a long outage
      }
      LOG.warning("Keycloak unreachable; using the account looked up at " + known.at());
      return known.account();
    }
  }
}
