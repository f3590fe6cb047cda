package org.wenjin.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.domain.IdentityProviderException;

class OrganizationMembershipsTest {

  private final FakeOrganizationDirectory keycloak = new FakeOrganizationDirectory();
  private Instant now = Instant.parse("2026-11-28T08:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final OrganizationMemberships memberships = new OrganizationMemberships(keycloak, clock);

  private static CallerIdentity caller(List<String> organizations) {
    return new CallerIdentity(
        "sub-mia", "mia", "Mia", "mia@example.com", organizations, Set.of("user"), List.of());
  }

  @Test
  void aTokenThatNamesTheOrganizationsIsBelievedWithoutAskingKeycloak() {
    keycloak.down = true;

    assertThat(memberships.complete(caller(List.of("acme"))).organizations())
        .containsExactly("acme");
  }

  @Test
  void aTokenWithoutThemIsCompletedFromKeycloakOncePerMinute() {
    keycloak.memberships.put("sub-mia", List.of("acme", "globex"));

    assertThat(memberships.complete(caller(List.of())).organizations())
        .containsExactly("acme", "globex");
    now = now.plusSeconds(59);
    memberships.complete(caller(List.of()));
    assertThat(keycloak.membershipLookups).isEqualTo(1);

    keycloak.memberships.put("sub-mia", List.of("globex"));
    now = now.plus(OrganizationMemberships.FRESH_FOR);
    assertThat(memberships.complete(caller(List.of())).organizations())
        .as("a removal in Keycloak shows after a minute")
        .containsExactly("globex");
    assertThat(keycloak.membershipLookups).isEqualTo(2);
  }

  @Test
  void whileKeycloakIsDownTheLastAnswerIsUsedAndWithoutOneTheCallFails() {
    keycloak.memberships.put("sub-mia", List.of("acme", "globex"));
    memberships.complete(caller(List.of()));
    keycloak.down = true;
    now = now.plus(Duration.ofHours(1));

    assertThat(memberships.complete(caller(List.of())).organizations())
        .containsExactly("acme", "globex");
    CallerIdentity stranger =
        new CallerIdentity("sub-x", "x", null, null, List.of(), Set.of("user"), List.of());
    assertThatThrownBy(() -> memberships.complete(stranger))
        .isInstanceOf(IdentityProviderException.class);
  }
}
