package org.wenjin.tenancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenjin.it.TestDeployments;
import org.wenjin.persistence.tenancy.AppUser;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.persistence.tenancy.TenantMembership;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.SignedInUser;
import org.wenjin.tenancy.application.UserProvisioningService;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.interfaces.SessionFacade;

/**
 * EJB + JPA round trip on a real WildFly, through the schema Flyway creates on the H2 file database
 * configured by the same CLI script as {@code ./run.sh}.
 */
@ExtendWith(ArquillianExtension.class)
class UserProvisioningIT {

  @Deployment
  static WebArchive deployment() throws URISyntaxException {
    return TestDeployments.war("provisioning-it", "org.wenjin.tenancy", "org.wenjin.audit");
  }

  @EJB private UserProvisioningService provisioning;

  @EJB private SessionFacade sessionFacade;

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  private static CallerIdentity caller(String subject, String name, List<String> orgs) {
    return new CallerIdentity(
        subject,
        "u-" + subject,
        name,
        subject + "@example.com",
        orgs,
        Set.of(Roles.USER),
        List.of());
  }

  @Test
  void firstSignInStoresUserTenantAndMembership() {
    String subject = UUID.randomUUID().toString();
    String tenantAlias = "t-" + subject.substring(0, 8);

    SignedInUser signedIn =
        provisioning.provision(caller(subject, "Zhang San 张三", List.of(tenantAlias)));

    AppUser stored = em.find(AppUser.class, signedIn.user().getId());
    assertThat(stored.getDisplayName()).isEqualTo("Zhang San 张三");
    Tenant tenant =
        em.createNamedQuery(Tenant.BY_ALIAS, Tenant.class)
            .setParameter("alias", tenantAlias)
            .getSingleResult();
    assertThat(tenant.isEnabled()).isTrue();
    assertThat(
            em.find(
                TenantMembership.class, new TenantMembership.Key(tenant.getId(), stored.getId())))
        .isNotNull();
  }

  @Test
  void secondSignInUpdatesTheSameRows() {
    String subject = UUID.randomUUID().toString();
    String tenantAlias = "t-" + subject.substring(0, 8);
    SignedInUser first = provisioning.provision(caller(subject, "Li Si", List.of(tenantAlias)));

    SignedInUser second = provisioning.provision(caller(subject, "Li Si 李四", List.of(tenantAlias)));

    assertThat(second.user().getId()).isEqualTo(first.user().getId());
    assertThat(second.tenants())
        .extracting(Tenant::getId)
        .containsExactly(first.tenants().get(0).getId());
    assertThat(em.find(AppUser.class, first.user().getId()).getDisplayName()).isEqualTo("Li Si 李四");
  }

  @Test
  void facadeDeniesACallerWithoutRole() {
    assertThatThrownBy(() -> sessionFacade.signIn()).isInstanceOf(EJBAccessException.class);
  }

  @Test
  void flywayRecordedTheMigration() {
    Number applied =
        (Number)
            em.createNativeQuery(
                    "select count(*) from \"flyway_schema_history\" where \"success\" = true")
                .getSingleResult();
    assertThat(applied.intValue()).isGreaterThanOrEqualTo(1);
    assertThat(Flyway.class).isNotNull();
  }

  /** A script's first requests arrive together; each must be answered, with one row each. */
  @Test
  void concurrentFirstCallsOfOneUserAllSucceed() throws Exception {
    String subject = UUID.randomUUID().toString();
    List<String> orgs = List.of("ra-" + subject.substring(0, 8), "rb-" + subject.substring(0, 8));
    int callers = 20;
    var start = new java.util.concurrent.CountDownLatch(1);
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(callers)) {
      List<java.util.concurrent.Future<SignedInUser>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < callers; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return provisioning.provision(caller(subject, "Racer", orgs));
                }));
      }
      start.countDown();
      for (var call : calls) {
        assertThat(call.get(60, java.util.concurrent.TimeUnit.SECONDS).tenants()).hasSize(2);
      }
    }
    assertThat(
            em.createQuery("select count(u) from AppUser u where u.subject = :s", Long.class)
                .setParameter("s", subject)
                .getSingleResult())
        .isEqualTo(1L);
    for (String alias : orgs) {
      assertThat(
              em.createQuery(
                      "select count(m) from TenantMembership m, Tenant t"
                          + " where m.key.tenantId = t.id and t.alias = :a",
                      Long.class)
                  .setParameter("a", alias)
                  .getSingleResult())
          .isEqualTo(1L);
    }
  }
}
