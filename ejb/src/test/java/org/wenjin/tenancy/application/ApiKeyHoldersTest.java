package org.wenjin.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenjin.tenancy.domain.IdentityProviderException;
import org.wenjin.tenancy.domain.OrganizationDirectory.Account;

class ApiKeyHoldersTest {

  private final FakeOrganizationDirectory directory = new FakeOrganizationDirectory();

  private final MutableClock clock = new MutableClock();

  private final ApiKeyHolders holders = new ApiKeyHolders(directory, clock);

  private static Account alice(boolean enabled, List<String> orgs) {
    return alice(enabled, orgs, List.of("user", "offline_access"));
  }

  private static Account alice(boolean enabled, List<String> orgs, List<String> realmRoles) {
    return new Account(
        "alice",
        "alice@acme.example.com",
        "Alice",
        enabled,
        orgs,
        List.of(
            "/acme/groups/engineering",
            "/acme/roles/tenant-admin",
            "/globex/groups/sales",
            "/realm-wide"),
        realmRoles);
  }

  @Test
  void aKeyActsAsAPlainUserOfItsOneCompanyWithThatCompanysDocumentGroups() {
    directory.accounts.put("sub-a", alice(true, List.of("acme", "globex")));

    var caller = holders.caller("sub-a", "acme").orElseThrow();

    assertThat(caller.organizations()).containsExactly("acme");
    assertThat(caller.roles()).containsExactly("user");
    // the tenant-admin group is left out: a key administers nothing
    assertThat(caller.groups()).containsExactly("/acme/groups/engineering");
  }

  @Test
  void aDisabledAccountOrAFormerMemberHasNoCaller() {
    directory.accounts.put("sub-a", alice(false, List.of("acme")));
    directory.accounts.put("sub-b", alice(true, List.of("globex")));

    assertThat(holders.caller("sub-a", "acme")).isEmpty();
    assertThat(holders.caller("sub-b", "acme")).isEmpty();
    assertThat(holders.caller("sub-deleted", "acme")).isEmpty();
  }

  @Test
  void anOwnerWithoutTheRealmRoleUserHasNoCaller() {
    directory.accounts.put("sub-a", alice(true, List.of("acme"), List.of("offline_access")));

    assertThat(holders.caller("sub-a", "acme")).isEmpty();
  }

  @Test
  void aLongOutageEndsTheLastAnswer() {
    directory.accounts.put("sub-a", alice(true, List.of("acme")));
    holders.caller("sub-a", "acme");
    directory.down = true;
    clock.advance(Duration.ofMinutes(11));

    assertThatThrownBy(() -> holders.caller("sub-a", "acme"))
        .isInstanceOf(IdentityProviderException.class);
  }

  @Test
  void keycloakIsAskedOnceAMinute() {
    directory.accounts.put("sub-a", alice(true, List.of("acme")));

    holders.caller("sub-a", "acme");
    holders.caller("sub-a", "acme");
    assertThat(directory.accountLookups).isEqualTo(1);

    directory.accounts.put("sub-a", alice(true, List.of())); // removed from the company
    clock.advance(Duration.ofSeconds(61));
    assertThat(holders.caller("sub-a", "acme")).isEmpty();
    assertThat(directory.accountLookups).isEqualTo(2);
  }

  @Test
  void whileKeycloakIsDownTheLastAnswerHoldsButNoAnswerIsNoCaller() {
    directory.accounts.put("sub-a", alice(true, List.of("acme")));
    holders.caller("sub-a", "acme");
    clock.advance(Duration.ofSeconds(61));
    directory.down = true;

    assertThat(holders.caller("sub-a", "acme")).isPresent();
    assertThatThrownBy(() -> holders.caller("sub-never-seen", "acme"))
        .isInstanceOf(IdentityProviderException.class);
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
