package org.wenjin.tenancy.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.wenjin.persistence.tenancy.ApiKey;
import org.wenjin.tenancy.domain.ApiKeyRepository;

@ApplicationScoped
class JpaApiKeyRepository implements ApiKeyRepository {

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Override
  public ApiKey add(ApiKey key) {
    em.persist(key);
    return key;
  }

  @Override
  public Optional<ApiKey> findByHash(String secretHash) {
    return em.createNamedQuery(ApiKey.BY_HASH, ApiKey.class)
        .setParameter("hash", secretHash)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ApiKey> find(long tenantId, long keyId) {
    return Optional.ofNullable(em.find(ApiKey.class, keyId))
        .filter(k -> k.getTenantId() == tenantId);
  }

  @Override
  public List<ApiKey> ofUser(long tenantId, long userId) {
    return em.createNamedQuery(ApiKey.OF_USER, ApiKey.class)
        .setParameter("tenant", tenantId)
        .setParameter("user", userId)
        .getResultList();
  }

  @Override
  public List<Owned> ofTenant(long tenantId) {
    return em.createQuery(
            "select k, u.username from ApiKey k, AppUser u where u.id = k.userId"
                + " and k.tenantId = :tenant order by k.createdAt desc, k.id desc",
            Object[].class)
        .setParameter("tenant", tenantId)
        .getResultStream()
        .map(row -> new Owned((ApiKey) row[0], (String) row[1]))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordUse(long keyId, Instant at) {
    em.createQuery("update ApiKey k set k.lastUsedAt = :at where k.id = :id")
        .setParameter("at", at)
        .setParameter("id", keyId)
        .executeUpdate();
  }

  @Override
  public long activeOf(long tenantId, long userId) {
    return em.createQuery(
            "select count(k) from ApiKey k where k.tenantId = :tenant and k.userId = :user"
                + " and k.revokedAt is null",
            Long.class)
        .setParameter("tenant", tenantId)
        .setParameter("user", userId)
        .getSingleResult();
  }
}
