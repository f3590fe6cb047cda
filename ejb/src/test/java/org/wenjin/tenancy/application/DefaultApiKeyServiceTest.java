package org.wenjin.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenjin.persistence.tenancy.ApiKey;
import org.wenjin.persistence.tenancy.AppUser;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.tenancy.domain.ApiKeyRepository;
import org.wenjin.tenancy.domain.ApiKeySecret;
import org.wenjin.tenancy.domain.OrganizationDirectory.Account;
import org.wenjin.tenancy.domain.TenantRuleViolation;
import org.wenjin.tenancy.interfaces.ApiKeyPrincipal;

class DefaultApiKeyServiceTest {

  private final InMemoryKeys keys = new InMemoryKeys();
  private final DefaultUserProvisioningServiceTest.InMemoryUsers users =
      new DefaultUserProvisioningServiceTest.InMemoryUsers();
  private final DefaultUserProvisioningServiceTest.InMemoryTenants tenants =
      new DefaultUserProvisioningServiceTest.InMemoryTenants();
  private final FakeOrganizationDirectory directory = new FakeOrganizationDirectory();
  private final ApiKeyHoldersTest.MutableClock clock = new ApiKeyHoldersTest.MutableClock();
  private final List<String> audited = new ArrayList<>();
  private final DefaultApiKeyService service =
      new DefaultApiKeyService(
          keys,
          users,
          tenants,
          new ApiKeyHolders(directory, clock),
          (actor, tenant, action, detail) -> audited.add(actor + " " + action + " " + detail),
          clock);

  private Tenant acme;
  private ActingCaller alice;
  private ActingCaller carol;

  @BeforeEach
  void companyWithTwoUsers() {
    keys.owners = id -> users.findById(id).map(AppUser::getUsername).orElse("?");
    acme = tenants.add(new Tenant("acme", "Acme", Instant.EPOCH));
    Tenant globex = tenants.add(new Tenant("globex", "Globex", Instant.EPOCH));
    AppUser a = users.add(new AppUser("sub-a", "alice", null, "Alice", Instant.EPOCH));
    AppUser c = users.add(new AppUser("sub-c", "carol", null, "Carol", Instant.EPOCH));
    alice = new ActingCaller(acme.getId(), "Acme", a.getId(), "alice", Set.of(), List.of());
    carol =
        new ActingCaller(
            acme.getId(), "Acme", c.getId(), "carol", Set.of("tenant-admin"), List.of());
    directory.accounts.put(
        "sub-a",
        new Account("alice", null, "Alice", true, List.of("acme"), List.of(), List.of("user")));
    assertThat(globex.getId()).isNotEqualTo(acme.getId());
  }

  @Test
  void aCreatedKeySignsItsOwnerInToItsCompanyAndIsStoredOnlyAsAHash() {
    var created = service.create(alice, "  my script ");

    assertThat(ApiKeySecret.looksLikeKey(created.secret())).isTrue();
    assertThat(created.key().name()).isEqualTo("my script");
    assertThat(created.key().shown()).startsWith(created.secret().substring(0, 11)).endsWith("…");
    assertThat(keys.all.get(0).getPrefix()).doesNotContain(created.secret().substring(11));
    Optional<ApiKeyPrincipal> principal = service.authenticate(created.secret());
    assertThat(principal).isPresent();
    assertThat(principal.get().getName()).isEqualTo("alice");
    assertThat(principal.get().tenantAlias()).isEqualTo("acme");
    assertThat(audited).singleElement().asString().startsWith("alice apikey.created \"my script\"");
  }

  @Test
  void aRevokedKeyAMistypedOneAndOneOfADisabledCompanyAllSignInNobody() {
    String revoked = service.create(alice, "old").secret();
    String ofDisabled = service.create(alice, "acme's").secret();
    service.revokeMine(alice, keys.all.get(0).getId());

    assertThat(service.authenticate(revoked)).isEmpty();
    assertThat(service.authenticate(revoked.substring(0, revoked.length() - 1) + "x")).isEmpty();
    assertThat(service.authenticate("Bearer " + revoked)).isEmpty();
    assertThat(service.authenticate(ofDisabled)).isPresent();
    acme.setEnabled(false);
    assertThat(service.authenticate(ofDisabled)).isEmpty();
  }

  @Test
  void aKeyOfAnOwnerWhoLeftTheCompanyOrWasDisabledSignsInNobody() {
    String secret = service.create(alice, "script").secret();
    directory.accounts.put(
        "sub-a",
        new Account("alice", null, "Alice", true, List.of("globex"), List.of(), List.of("user")));
    clock.advance(Duration.ofMinutes(2));

    assertThat(service.authenticate(secret)).isEmpty();
  }

  @Test
  void onlyTheOwnerRevokesTheirKeyAndTheCompanysAdminRevokesAny() {
    service.create(alice, "script");
    long id = keys.all.get(0).getId();

    assertThatThrownBy(() -> service.revokeMine(carol, id))
        .isInstanceOf(TenantRuleViolation.class)
        .matches(e -> ((TenantRuleViolation) e).isNotFound());
    service.revokeInCompany(carol, id);
    service.revokeInCompany(carol, id); // again: nothing changes, nothing more is audited

    assertThat(service.company(carol))
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.owner()).isEqualTo("alice");
              assertThat(k.revokedBy()).isEqualTo("carol");
              assertThat(k.isActive()).isFalse();
            });
    assertThat(audited).hasSize(2).last().asString().startsWith("carol apikey.revoked-by-admin");
  }

  @Test
  void namesAreRequiredAndShortAndKeysAreBounded() {
    assertThatThrownBy(() -> service.create(alice, " ")).hasMessageContaining("name");
    assertThatThrownBy(() -> service.create(alice, "x".repeat(101))).hasMessageContaining("100");
    for (int i = 0; i < ApiKeyService.MAX_ACTIVE; i++) {
      service.create(alice, "key " + i);
    }
    assertThatThrownBy(() -> service.create(alice, "one more")).hasMessageContaining("revoke");
    service.revokeMine(alice, keys.all.get(0).getId());
    assertThat(service.create(alice, "one more").key().isActive()).isTrue();
  }

  @Test
  void lastUseIsRecordedToTheMinuteNotOnEveryRequest() {
    String secret = service.create(alice, "script").secret();
    service.authenticate(secret);
    Instant first = keys.all.get(0).getLastUsedAt();
    clock.advance(Duration.ofSeconds(30));
    service.authenticate(secret);

    assertThat(keys.all.get(0).getLastUsedAt()).isEqualTo(first);
    clock.advance(Duration.ofMinutes(2));
    service.authenticate(secret);
    assertThat(keys.all.get(0).getLastUsedAt()).isAfter(first);
  }

  /** The repository as a list. */
  static final class InMemoryKeys implements ApiKeyRepository {
    final List<ApiKey> all = new ArrayList<>();
    Function<Long, String> owners = id -> "?";

    @Override
    public ApiKey add(ApiKey key) {
      all.add(DefaultUserProvisioningServiceTest.withId(key));
      return key;
    }

    @Override
    public Optional<ApiKey> findByHash(String secretHash) {
      return all.stream().filter(k -> hashOf(k).equals(secretHash)).findFirst();
    }

    @Override
    public Optional<ApiKey> find(long tenantId, long keyId) {
      return all.stream()
          .filter(k -> k.getId() == keyId && k.getTenantId() == tenantId)
          .findFirst();
    }

    @Override
    public List<ApiKey> ofUser(long tenantId, long userId) {
      return all.stream()
          .filter(k -> k.getTenantId() == tenantId && k.getUserId() == userId)
          .sorted(Comparator.comparing(ApiKey::getId).reversed())
          .toList();
    }

    @Override
    public List<Owned> ofTenant(long tenantId) {
      return all.stream()
          .filter(k -> k.getTenantId() == tenantId)
          .map(k -> new Owned(k, owners.apply(k.getUserId())))
          .toList();
    }

    @Override
    public void recordUse(long keyId, Instant at) {
      all.stream().filter(k -> k.getId() == keyId).forEach(k -> k.used(at));
    }

    @Override
    public long activeOf(long tenantId, long userId) {
      return ofUser(tenantId, userId).stream().filter(k -> !k.isRevoked()).count();
    }

    private static String hashOf(ApiKey key) {
      try {
        var field = ApiKey.class.getDeclaredField("secretHash");
        field.setAccessible(true);
        return (String) field.get(key);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
