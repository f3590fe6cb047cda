package org.wenjin.tenancy.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.wenjin.persistence.tenancy.ApiKey;
import org.wenjin.persistence.tenancy.AppUser;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.domain.ApiKeyRepository;
import org.wenjin.tenancy.domain.ApiKeySecret;
import org.wenjin.tenancy.domain.TenantRepository;
import org.wenjin.tenancy.domain.TenantRuleViolation;
import org.wenjin.tenancy.domain.UserRepository;
import org.wenjin.tenancy.interfaces.ApiKeyDto;
import org.wenjin.tenancy.interfaces.ApiKeyPrincipal;
import org.wenjin.tenancy.interfaces.CreatedApiKeyDto;

@Stateless
public class DefaultApiKeyService implements ApiKeyService {

  /** Last use is kept to the minute: one write a minute per busy key, not one per request. */
  static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

  private final ApiKeyRepository keys;
  private final UserRepository users;
  private final TenantRepository tenants;
  private final ApiKeyHolders holders;
  private final AdminAuditLog audit;
  private final Clock clock;

  @Inject
  public DefaultApiKeyService(
      ApiKeyRepository keys,
      UserRepository users,
      TenantRepository tenants,
      ApiKeyHolders holders,
      AdminAuditLog audit) {
    this(keys, users, tenants, holders, audit, Clock.systemUTC());
  }

  DefaultApiKeyService(
      ApiKeyRepository keys,
      UserRepository users,
      TenantRepository tenants,
      ApiKeyHolders holders,
      AdminAuditLog audit,
      Clock clock) {
    this.keys = keys;
    this.users = users;
    this.tenants = tenants;
    this.holders = holders;
    this.audit = audit;
    this.clock = clock;
  }

  /** For the EJB container's proxy only. */
  protected DefaultApiKeyService() {
    this(null, null, null, null, null, null);
  }

  @Override
  public CreatedApiKeyDto create(ActingCaller caller, String name) {
    String validName = validName(name);
    if (keys.activeOf(caller.tenantId(), caller.userId()) >= MAX_ACTIVE) {
      throw new TenantRuleViolation(RuleMessage.of("tenancy.api-key.too-many", MAX_ACTIVE));
    }
    String secret = ApiKeySecret.generate();
    ApiKey key =
        keys.add(
            new ApiKey(
                caller.tenantId(),
                caller.userId(),
                validName,
                ApiKeySecret.shown(secret),
                ApiKeySecret.hash(secret),
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)));
    audit.record(caller.username(), caller.tenantId(), "apikey.created", described(key));
    return new CreatedApiKeyDto(dto(key, caller.username()), secret);
  }

  @Override
  public List<ApiKeyDto> mine(ActingCaller caller) {
    return keys.ofUser(caller.tenantId(), caller.userId()).stream()
        .map(k -> dto(k, caller.username()))
        .toList();
  }

  @Override
  public void revokeMine(ActingCaller caller, long keyId) {
    ApiKey key =
        keys.find(caller.tenantId(), keyId)
            .filter(k -> k.getUserId() == caller.userId())
            .orElseThrow(ApiKeyService::notFound);
    revoke(caller, key, "apikey.revoked");
  }

  @Override
  public List<ApiKeyDto> company(ActingCaller admin) {
    return keys.ofTenant(admin.tenantId()).stream().map(o -> dto(o.key(), o.owner())).toList();
  }

  @Override
  public void revokeInCompany(ActingCaller admin, long keyId) {
    revoke(
        admin,
        keys.find(admin.tenantId(), keyId).orElseThrow(ApiKeyService::notFound),
        "apikey.revoked-by-admin");
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Keycloak may be asked: no tx held
  public Optional<ApiKeyPrincipal> authenticate(String secret) {
    if (!ApiKeySecret.looksLikeKey(secret)) {
      return Optional.empty();
    }
    Optional<ApiKey> found = keys.findByHash(ApiKeySecret.hash(secret)).filter(k -> !k.isRevoked());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiKey key = found.get();
    Optional<Tenant> tenant = tenants.findById(key.getTenantId()).filter(Tenant::isEnabled);
    Optional<AppUser> owner = users.findById(key.getUserId());
    if (tenant.isEmpty()
        || owner.isEmpty()
        || holders.caller(owner.get().getSubject(), tenant.get().getAlias()).isEmpty()) {
      return Optional.empty();
    }
    Instant now = Instant.now(clock);
    if (key.getLastUsedAt() == null || key.getLastUsedAt().plus(USE_RESOLUTION).isBefore(now)) {
      keys.recordUse(key.getId(), now.truncatedTo(ChronoUnit.MINUTES));
    }
    return Optional.of(
        new ApiKeyPrincipal(
            key.getId(),
            owner.get().getUsername(),
            owner.get().getSubject(),
            tenant.get().getAlias()));
  }

  private void revoke(ActingCaller caller, ApiKey key, String action) {
    if (key.isRevoked()) {
      return; // revoking again changes nothing and records nothing
    }
    key.revoke(caller.username(), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
    audit.record(caller.username(), caller.tenantId(), action, described(key));
  }

  private static String validName(String name) {
    String text = name == null ? "" : name.strip();
    if (text.isEmpty()) {
      throw new TenantRuleViolation(RuleMessage.of("tenancy.api-key.name-missing"));
    }
    if (text.length() > ApiKey.MAX_NAME) {
      throw new TenantRuleViolation(
          RuleMessage.of("tenancy.api-key.name-too-long", ApiKey.MAX_NAME));
    }
    return text;
  }

  private String described(ApiKey key) {
    String owner = users.findById(key.getUserId()).map(AppUser::getUsername).orElse("?");
    return "\"" + key.getName() + "\" (" + key.getPrefix() + ") of " + owner;
  }

  private static ApiKeyDto dto(ApiKey key, String owner) {
    return new ApiKeyDto(
        key.getId(),
        key.getName(),
        key.getPrefix(),
        owner,
        key.getCreatedAt(),
        key.getLastUsedAt(),
        key.getRevokedAt(),
        key.getRevokedBy());
  }
}
