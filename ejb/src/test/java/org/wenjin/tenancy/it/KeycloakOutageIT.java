package org.wenjin.tenancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenjin.it.TestDeployments;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.TenantAdministrationService;
import org.wenjin.tenancy.application.UserProvisioningService;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.domain.IdentityProviderException;

/**
 * Keycloak down (the Arquillian server's wenjin.keycloak.url points at a closed port): the real
 * admin client fails to connect, the administrator gets an answer they can act on, and the
 * application records nothing — no half-created tenant, no audit event of a change that did not
 * happen.
 */
@ExtendWith(ArquillianExtension.class)
class KeycloakOutageIT {

  @Deployment
  static WebArchive deployment() throws URISyntaxException {
    return TestDeployments.war("keycloak-outage-it", "org.wenjin.tenancy", "org.wenjin.audit");
  }

  @EJB private TenantAdministrationService tenants;

  @EJB private UserProvisioningService provisioning;

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Test
  void creatingATenantWhileKeycloakIsDownChangesNothing() {
    String alias = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    long tenantsBefore = count("tenant");
    long eventsBefore = count("audit_event");

    assertThatThrownBy(() -> tenants.create(alias, "Outage Ltd", "outage.example.com", "root"))
        .isInstanceOf(IdentityProviderException.class)
        .hasMessage("Keycloak cannot be reached; nothing was changed. Try again when it is back.");

    assertThat(count("tenant")).isEqualTo(tenantsBefore);
    assertThat(count("audit_event")).isEqualTo(eventsBefore);
  }

  @Test
  void listingMembersWhileKeycloakIsDownSaysSo() {
    String alias = "known-" + UUID.randomUUID().toString().substring(0, 8);
    provisioning.provision(
        new CallerIdentity(
            alias,
            alias,
            "Known",
            alias + "@example.com",
            List.of(alias),
            Set.of(Roles.TENANT_ADMIN),
            List.of()));

    assertThatThrownBy(() -> tenants.members(alias))
        .isInstanceOf(IdentityProviderException.class)
        .hasMessageContaining("Keycloak cannot be reached");
  }

  private long count(String table) {
    return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult())
        .longValue();
  }
}
