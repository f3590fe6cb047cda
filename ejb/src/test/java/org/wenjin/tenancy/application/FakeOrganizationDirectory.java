package org.wenjin.tenancy.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.domain.IdentityProviderException;
import org.wenjin.tenancy.domain.OrganizationDirectory;
import org.wenjin.tenancy.domain.TenantRuleViolation;

/** Keycloak as a map, for unit tests of the services' logic; can be switched "down". */
class FakeOrganizationDirectory implements OrganizationDirectory {

  final Map<String, Organization> orgs = new HashMap<>();
  final Map<String, List<Member>> members = new HashMap<>();
  final List<String> deleted = new ArrayList<>();
  final Map<String, List<String>> memberships = new HashMap<>();
  final Map<String, String> locales = new HashMap<>();
  int membershipLookups;
  boolean down;

  private void reachable() {
    if (down) {
      throw new IdentityProviderException(RuleMessage.verbatim("Keycloak cannot be reached"));
    }
  }

  @Override
  public void chooseLocale(String userId, String languageTag) {
    reachable();
    locales.put(userId, languageTag);
  }

  @Override
  public List<Organization> all() {
    reachable();
    return List.copyOf(orgs.values());
  }

  @Override
  public Optional<Organization> find(String alias) {
    reachable();
    return Optional.ofNullable(orgs.get(alias));
  }

  @Override
  public void create(Organization organization) {
    reachable();
    if (orgs.containsKey(organization.alias())) {
      throw new TenantRuleViolation(RuleMessage.verbatim("exists in Keycloak"));
    }
    orgs.put(organization.alias(), organization);
  }

  @Override
  public void update(Organization organization) {
    reachable();
    orgs.put(organization.alias(), organization);
  }

  @Override
  public void delete(String alias) {
    reachable();
    orgs.remove(alias);
    deleted.add(alias);
  }

  @Override
  public List<Member> members(String alias) {
    reachable();
    return members.getOrDefault(alias, List.of());
  }

  /** Subject → account, for {@link #account}. */
  final Map<String, Account> accounts = new HashMap<>();

  int accountLookups;

  @Override
  public Optional<Account> account(String userId) {
    reachable();
    accountLookups++;
    return Optional.ofNullable(accounts.get(userId));
  }

  @Override
  public List<String> organizationsOf(String userId) {
    reachable();
    membershipLookups++;
    return memberships.getOrDefault(userId, List.of());
  }

  /** Verified e-mail → username of the users {@link #addVerifiedEmailMember} can find. */
  final Map<String, String> verifiedEmails = new HashMap<>();

  @Override
  public Optional<Member> addVerifiedEmailMember(String alias, String email) {
    reachable();
    String username = verifiedEmails.get(email);
    if (username == null) {
      return Optional.empty();
    }
    Member member = new Member(username, email, username);
    members.computeIfAbsent(alias, a -> new ArrayList<>()).add(member);
    return Optional.of(member);
  }

  @Override
  public Member addMember(String alias, String usernameOrEmail) {
    reachable();
    Member member = new Member(usernameOrEmail, usernameOrEmail + "@example.com", usernameOrEmail);
    members.computeIfAbsent(alias, a -> new ArrayList<>()).add(member);
    return member;
  }
}
