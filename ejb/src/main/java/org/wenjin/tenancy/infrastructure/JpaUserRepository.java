package org.wenjin.tenancy.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.wenjin.persistence.tenancy.AppUser;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.persistence.tenancy.TenantMembership;
import org.wenjin.tenancy.domain.UserRepository;

@ApplicationScoped
class JpaUserRepository implements UserRepository {

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Override
  public Optional<AppUser> findBySubject(String subject) {
    return em.createNamedQuery(AppUser.BY_SUBJECT, AppUser.class)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<AppUser> findById(long id) {
    return Optional.ofNullable(em.find(AppUser.class, id));
  }

  @Override
  public AppUser add(AppUser user) {
    em.persist(user);
    return user;
  }

  @Override
  public Optional<TenantMembership> findMembership(Tenant tenant, AppUser user) {
    return Optional.ofNullable(
        em.find(TenantMembership.class, new TenantMembership.Key(tenant.getId(), user.getId())));
  }

  @Override
  public TenantMembership addMembership(TenantMembership membership) {
    em.persist(membership);
    return membership;
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public List<Tenant> tenantsOf(AppUser user) {
    return em.createQuery(
            "select t from Tenant t, TenantMembership m"
                + " where m.key.tenantId = t.id and m.key.userId = :user order by t.alias",
            Tenant.class)
        .setParameter("user", user.getId())
        .getResultList();
  }
}
