package org.wenjin.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyGrantsTest {

  /** mia of the demo realm: tenant-admin and in hr at Acme, a plain member of Globex. */
  private static final List<String> MIA = List.of("/acme/roles/tenant-admin", "/acme/groups/hr");

  @Test
  void rolesAndGroupsHoldInTheirOwnCompany() {
    CompanyGrants acme = CompanyGrants.of(MIA, "acme");

    assertThat(acme.roles()).containsExactly("tenant-admin");
    assertThat(acme.groups()).containsExactly("hr");
  }

  @Test
  void anotherCompanysGrantsGiveNothing() {
    CompanyGrants globex = CompanyGrants.of(MIA, "globex");

    assertThat(globex.roles()).isEmpty();
    assertThat(globex.groups()).isEmpty();
  }

  @Test
  void bareRealmGroupsAndRealmStyleNamesGiveNothing() {
    CompanyGrants grants =
        CompanyGrants.of(List.of("hr", "/hr", "tenant-admin", "/tenant-admin"), "acme");

    assertThat(grants).isEqualTo(CompanyGrants.none());
  }

  @Test
  void onlyKnownRolesExactlyOneLevelDownCount() {
    CompanyGrants grants =
        CompanyGrants.of(
            List.of(
                "/acme/roles/platform-admin", // not a company role
                "/acme/roles/tenant-admin/extra", // deeper than a role
                "/acme/roles/", // empty name
                "/acme/groups/hr/secret", // deeper than a group
                "/acme-evil/roles/tenant-admin", // another alias sharing a prefix
                "/acme/roles/auditor"),
            "acme");

    assertThat(grants.roles()).containsExactly("auditor");
    assertThat(grants.groups()).isEmpty();
  }

  @Test
  void anAliasIsMatchedExactlyNotAsAPrefix() {
    assertThat(CompanyGrants.of(List.of("/acme/groups/hr"), "acm").groups()).isEmpty();
    assertThat(CompanyGrants.of(List.of("/acme/groups/hr"), "acme").groups()).containsExactly("hr");
  }
}
