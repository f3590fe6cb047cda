package org.wenjin.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wenjin.persistence.tenancy.AppUser;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.persistence.tenancy.TenantMembership;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.domain.OrganizationDirectory;
import org.wenjin.tenancy.domain.TenantRepository;
import org.wenjin.tenancy.domain.UserRepository;

/** Provisioning logic against in-memory repositories; the JPA side is covered by the IT. */
class DefaultUserProvisioningServiceTest {

  private final InMemoryTenants tenants = new InMemoryTenants();
  private final InMemoryUsers users = new InMemoryUsers();
  private final FakeOrganizationDirectory directory = new FakeOrganizationDirectory();
  private final DefaultUserProvisioningService service =
      new DefaultUserProvisioningService(
          tenants, users, new UserRecords(tenants, users, directory));

  private static CallerIdentity caller(String name, List<String> orgs) {
    return new CallerIdentity(
        "sub-alice", "alice", name, "alice@acme.example.com", orgs, Set.of("user"), List.of());
  }

  @Test
  void firstSignInCreatesTheUserTheirTenantsAndMemberships() {
    SignedInUser signedIn = service.provision(caller("Alice Acme", List.of("acme", "globex")));

    assertThat(signedIn.user().getDisplayName()).isEqualTo("Alice Acme");
    assertThat(signedIn.tenants()).extracting(Tenant::getAlias).containsExactly("acme", "globex");
    assertThat(users.memberships).hasSize(2);
  }

  @Test
  void laterSignInsUpdateTheProfileWithoutDuplicates() {
    service.provision(caller("Alice Acme", List.of("acme")));

    SignedInUser again = service.provision(caller("Alice Smith", List.of("acme")));

    assertThat(users.bySubject).hasSize(1);
    assertThat(tenants.byAlias).hasSize(1);
    assertThat(users.memberships).hasSize(1);
    assertThat(again.user().getDisplayName()).isEqualTo("Alice Smith");
  }

  @Test
  void aBlankDisplayNameFallsBackToTheUsername() {
    SignedInUser signedIn = service.provision(caller("  ", List.of()));

    assertThat(signedIn.user().getDisplayName()).isEqualTo("alice");
    assertThat(signedIn.tenants()).isEmpty();
  }

  private static final AtomicLong IDS = new AtomicLong();

  /** JPA assigns ids on persist; these fakes do the same so memberships can refer to them. */
  static <T> T withId(T entity) {
    try {
      var field = entity.getClass().getDeclaredField("id");
      field.setAccessible(true);
      field.set(entity, IDS.incrementAndGet());
      return entity;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static class InMemoryTenants implements TenantRepository {
    final Map<String, Tenant> byAlias = new HashMap<>();

    @Override
    public Optional<Tenant> findByAlias(String alias) {
      return Optional.ofNullable(byAlias.get(alias));
    }

    @Override
    public Optional<Tenant> findById(long id) {
      return byAlias.values().stream().filter(t -> t.getId() == id).findFirst();
    }

    @Override
    public Tenant add(Tenant tenant) {
      byAlias.put(tenant.getAlias(), withId(tenant));
      return tenant;
    }

    @Override
    public List<Tenant> all() {
      return byAlias.values().stream().sorted(Comparator.comparing(Tenant::getAlias)).toList();
    }
  }

  static class InMemoryUsers implements UserRepository {
    final Map<String, AppUser> bySubject = new HashMap<>();
    final List<TenantMembership> memberships = new ArrayList<>();

    @Override
    public Optional<AppUser> findBySubject(String subject) {
      return Optional.ofNullable(bySubject.get(subject));
    }

    @Override
    public Optional<AppUser> findById(long id) {
      return bySubject.values().stream().filter(u -> u.getId() == id).findFirst();
    }

    @Override
    public AppUser add(AppUser user) {
      bySubject.put(user.getSubject(), withId(user));
      return user;
    }

    @Override
    public Optional<TenantMembership> findMembership(Tenant tenant, AppUser user) {
      var key = new TenantMembership.Key(tenant.getId(), user.getId());
      return memberships.stream().filter(m -> m.getKey().equals(key)).findFirst();
    }

    @Override
    public TenantMembership addMembership(TenantMembership membership) {
      memberships.add(membership);
      return membership;
    }

    @Override
    public void flush() {}

    @Override
    public List<Tenant> tenantsOf(AppUser user) {
      return List.of();
    }
  }

  @Test
  void aNewTenantGetsKeycloaksNameForIt() {
    directory.orgs.put(
        "acme", new OrganizationDirectory.Organization("acme", "Acme Corp", "acme.com", true));

    SignedInUser signedIn = service.provision(caller("Alice", List.of("acme")));

    assertThat(signedIn.tenants().get(0).getDisplayName()).isEqualTo("Acme Corp");
    assertThat(signedIn.tenants().get(0).getEmailDomain()).isEqualTo("acme.com");
  }

  @Test
  void whenKeycloakCannotBeAskedTheTenantIsNamedByItsAlias() {
    directory.down = true;

    SignedInUser signedIn = service.provision(caller("Alice", List.of("acme")));

    assertThat(signedIn.tenants().get(0).getDisplayName()).isEqualTo("acme");
  }

  @Test
  void aDisabledTenantIsReported() {
    service.provision(caller("Alice", List.of("acme")));
    tenants.byAlias.get("acme").setEnabled(false);

    SignedInUser again = service.provision(caller("Alice", List.of("acme")));

    assertThat(again.memberOfDisabledTenant()).isTrue();
    assertThat(again.enabledTenants()).isEmpty();
  }

  @Test
  void membershipRecordsWhenTheUserWasLastSeen() {
    service.provision(caller("Alice", List.of("acme")));
    Instant first = users.memberships.get(0).getLastSeenAt();

    service.provision(caller("Alice", List.of("acme")));

    assertThat(users.memberships.get(0).getLastSeenAt()).isAfterOrEqualTo(first);
  }

  @Test
  void aFirstCallThatLosesTheRaceReadsTheWinnersRows() {
    var losing =
        new UserRecords(tenants, users, directory) {
          boolean raced;

          @Override
          public void addMissing(CallerIdentity caller) {
            if (!raced) {
              raced = true;
              super.addMissing(caller); // the concurrent request's insert commits first...
              throw new ConcurrentSignIn(new RuntimeException("unique key")); // ...ours fails
            }
            super.addMissing(caller);
          }
        };
    var racing = new DefaultUserProvisioningService(tenants, users, losing);

    SignedInUser signedIn = racing.provision(caller("Alice", List.of("acme")));

    assertThat(losing.raced).isTrue();
    assertThat(signedIn.tenants()).extracting(Tenant::getAlias).containsExactly("acme");
    assertThat(users.bySubject).hasSize(1);
    assertThat(users.memberships).hasSize(1);
  }

  @Test
  void onlyIntegrityViolationsCountAsALostRace() {
    var duplicate = new java.sql.SQLException("duplicate", "23505");
    var timeout = new java.sql.SQLException("lock timeout", "HYT00");

    assertThat(UserRecords.isUniqueViolation(new RuntimeException(duplicate))).isTrue();
    assertThat(UserRecords.isUniqueViolation(new RuntimeException(timeout))).isFalse();
  }
}
