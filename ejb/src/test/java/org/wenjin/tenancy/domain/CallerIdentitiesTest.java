package org.wenjin.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerIdentitiesTest {

  @Test
  void readsTenantsFromTheOrganizationClaimAsAList() {
    var caller =
        CallerIdentities.fromClaims(
            Map.of(
                "sub", "1f0c",
                "preferred_username", "alice",
                "name", "Alice Acme",
                "email", "alice@acme.example.com",
                "organization", List.of("globex", "acme"),
                "groups", List.of("engineering")),
            Set.of("user"));

    assertThat(caller.username()).isEqualTo("alice");
    assertThat(caller.organizations()).containsExactly("acme", "globex");
    assertThat(caller.groups()).containsExactly("engineering");
    assertThat(caller.hasRole("user")).isTrue();
    assertThat(caller.hasRole("tenant-admin")).isFalse();
  }

  @Test
  void readsTenantsFromTheOrganizationClaimAsAnObjectKeyedByAlias() {
    var caller =
        CallerIdentities.fromClaims(
            Map.of("sub", "1f0c", "organization", Map.of("acme", Map.of("id", "42"))), Set.of());

    assertThat(caller.organizations()).containsExactly("acme");
  }

  @Test
  void aUserWithoutOrganizationHasNoTenant() {
    var caller =
        CallerIdentities.fromClaims(
            Map.of("sub", "9", "preferred_username", "root"), Set.of("platform-admin"));

    assertThat(caller.organizations()).isEmpty();
    assertThat(caller.groups()).isEmpty();
  }

  @Test
  void fallsBackToTheSubjectWhenThereIsNoUsername() {
    var caller = CallerIdentities.fromClaims(Map.of("sub", "9"), Set.of());

    assertThat(caller.username()).isEqualTo("9");
  }

  @Test
  void refusesATokenWithoutSubject() {
    assertThatThrownBy(() -> CallerIdentities.fromClaims(Map.of("name", "x"), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sub");
  }
}
