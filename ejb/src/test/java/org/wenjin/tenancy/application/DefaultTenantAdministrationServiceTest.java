package org.wenjin.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.tenancy.domain.IdentityProviderException;
import org.wenjin.tenancy.domain.OrganizationDirectory.Organization;
import org.wenjin.tenancy.domain.TenantRuleViolation;

class DefaultTenantAdministrationServiceTest {

  private final DefaultUserProvisioningServiceTest.InMemoryTenants tenants =
      new DefaultUserProvisioningServiceTest.InMemoryTenants();
  private final FakeOrganizationDirectory keycloak = new FakeOrganizationDirectory();
  private final List<String> audit = new ArrayList<>();
  private final AdminAuditLog auditLog =
      (actor, tenantId, action, detail) -> audit.add(actor + " " + action + " " + detail);
  private final DefaultTenantAdministrationService service =
      new DefaultTenantAdministrationService(tenants, keycloak, auditLog);

  @Test
  void createMakesTheOrganizationInKeycloakThenTheTenantAndAnAuditRecord() {
    Tenant tenant = service.create("initech", " Initech 映泰 ", "Initech.Example.com", "root");

    assertThat(keycloak.orgs).containsKey("initech");
    assertThat(tenant.getDisplayName()).isEqualTo("Initech 映泰");
    assertThat(tenant.getEmailDomain()).isEqualTo("initech.example.com");
    assertThat(tenants.byAlias).containsKey("initech");
    assertThat(audit).containsExactly("root tenant.created initech \"Initech 映泰\"");
  }

  @Test
  void whenKeycloakIsDownNothingIsCreated() {
    keycloak.down = true;

    assertThatThrownBy(() -> service.create("initech", "Initech", "initech.com", "root"))
        .isInstanceOf(IdentityProviderException.class);
    assertThat(tenants.byAlias).isEmpty();
    assertThat(audit).isEmpty();
  }

  @Test
  void whenTheDatabaseFailsTheOrganizationIsRemovedAgain() {
    var failingTenants =
        new DefaultUserProvisioningServiceTest.InMemoryTenants() {
          @Override
          public Tenant add(Tenant tenant) {
            throw new IllegalStateException("database down");
          }
        };
    var failing = new DefaultTenantAdministrationService(failingTenants, keycloak, auditLog);

    assertThatThrownBy(() -> failing.create("initech", "Initech", "initech.com", "root"))
        .hasMessageContaining("database down");
    assertThat(keycloak.orgs).doesNotContainKey("initech");
    assertThat(keycloak.deleted).containsExactly("initech");
  }

  @Test
  void aDuplicateAliasIsRefusedBeforeKeycloakIsAsked() {
    service.create("initech", "Initech", "initech.com", "root");

    assertThatThrownBy(() -> service.create("initech", "Other", "initech.com", "root"))
        .isInstanceOf(TenantRuleViolation.class)
        .hasMessageContaining("already exists");
    assertThat(keycloak.orgs.get("initech").name()).isEqualTo("Initech");
  }

  @Test
  void invalidInputIsRefusedWithAReason() {
    assertThatThrownBy(() -> service.create("Bad Alias!", "x", "x.com", "root"))
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> service.create("ok", "  ", "x.com", "root"))
        .hasMessageContaining("name");
    assertThatThrownBy(() -> service.create("ok", "OK", "not a domain", "root"))
        .hasMessageContaining("e-mail domain");
    assertThatThrownBy(() -> service.create("ok", "OK", " ", "root"))
        .hasMessageContaining("e-mail domain");
    assertThat(keycloak.orgs).isEmpty();
  }

  @Test
  void disablingChangesKeycloakAndTheTenant() {
    service.create("initech", "Initech", "initech.com", "root");

    Tenant tenant = service.setEnabled("initech", false, "root");

    assertThat(tenant.isEnabled()).isFalse();
    assertThat(keycloak.orgs.get("initech").enabled()).isFalse();
    assertThat(audit).last().asString().contains("tenant.disabled");
  }

  @Test
  void renameKeepsTheAlias() {
    service.create("initech", "Initech", "initech.com", "root");

    service.rename("initech", "Initech Global", "root");

    assertThat(tenants.byAlias.get("initech").getDisplayName()).isEqualTo("Initech Global");
    assertThat(keycloak.orgs.get("initech").name()).isEqualTo("Initech Global");
  }

  @Test
  void listAddsOrganizationsTheAppHasNotSeenYet() {
    keycloak.orgs.put("acme", new Organization("acme", "Acme Corp", "acme.example.com", true));

    List<Tenant> all = service.list();

    assertThat(all).extracting(Tenant::getDisplayName).containsExactly("Acme Corp");
  }

  @Test
  void changingAnUnknownTenantIsRefused() {
    assertThatThrownBy(() -> service.setEnabled("nope", false, "root"))
        .isInstanceOf(TenantRuleViolation.class)
        .hasMessageContaining("nope");
  }

  @Test
  void addingAMemberIsAudited() {
    service.create("initech", "Initech", "initech.com", "root");

    service.addMember("initech", " dave ", "root");

    assertThat(keycloak.members.get("initech"))
        .extracting(m -> m.username())
        .containsExactly("dave");
    assertThat(audit).last().asString().contains("tenant.member-added dave");
  }

  @Test
  void aTenantAdminAddsAColleagueByVerifiedAddressInTheCompanyDomain() {
    service.create("initech", "Initech", "initech.com", "root");
    keycloak.verifiedEmails.put("peter@initech.com", "peter");

    service.admitColleague("initech", " peter@initech.com ", "bill");

    assertThat(keycloak.members.get("initech")).extracting(m -> m.username()).contains("peter");
    assertThat(audit).last().asString().contains("tenant.member-added peter");
  }

  @Test
  void anAddressOutsideTheDomainIsRefusedBeforeAnyLookup() {
    service.create("initech", "Initech", "initech.com", "root");
    keycloak.verifiedEmails.put("eve@globex.com", "eve");

    assertThatThrownBy(() -> service.admitColleague("initech", "eve@globex.com", "bill"))
        .isInstanceOf(TenantRuleViolation.class)
        .hasMessage("Only e-mail addresses ending in @initech.com can be added.");
    assertThat(keycloak.members.getOrDefault("initech", List.of())).isEmpty();
  }

  @Test
  void anUnknownAddressInTheDomainAddsNobody() {
    service.create("initech", "Initech", "initech.com", "root");

    assertThatThrownBy(() -> service.admitColleague("initech", "nobody@initech.com", "bill"))
        .isInstanceOf(TenantRuleViolation.class)
        .hasMessageContaining("Ask them to sign in once");
    assertThat(keycloak.members.getOrDefault("initech", List.of())).isEmpty();
  }

  @Test
  void aCompanyWithoutADomainLeavesAddingToThePlatformAdmin() {
    // first seen in a token while Keycloak could not be asked: no domain recorded
    tenants.add(new Tenant("initech", "initech", java.time.Instant.now()));

    assertThatThrownBy(() -> service.admitColleague("initech", "peter@initech.com", "bill"))
        .isInstanceOf(TenantRuleViolation.class)
        .hasMessageContaining("only a platform admin");
  }
}
