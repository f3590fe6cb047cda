package org.wenjin.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.domain.CompanyGrants;
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

  static final Duration FRESH_FOR = Duration.ofSeconds(60);

  /** While Keycloak cannot be asked, a looked-up account counts this long, then keys get 503. */
  static final Duration STALE_AFTER = Duration.ofMinutes(10);

  private final KeycloakAnswers<Optional<Account>> accounts;
  private final OrganizationDirectory directory;

  @Inject
  public ApiKeyHolders(OrganizationDirectory directory) {
    this(directory, Clock.systemUTC());
  }

  ApiKeyHolders(OrganizationDirectory directory, Clock clock) {
    this.directory = directory;
    this.accounts = new KeycloakAnswers<>(FRESH_FOR, STALE_AFTER, clock);
  }

  /** For the CDI container's proxy only. */
  protected ApiKeyHolders() {
    this(null, null);
  }

  /**
   * The key owner as a caller of {@code alias}, or empty when they may not act there now (deleted,
   * disabled, no longer a member).
   *
   * @throws org.wenjin.tenancy.domain.IdentityProviderException when Keycloak cannot be asked and
   *     nothing young enough is known
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
    return accounts.get(subject, () -> directory.account(subject));
  }
}
