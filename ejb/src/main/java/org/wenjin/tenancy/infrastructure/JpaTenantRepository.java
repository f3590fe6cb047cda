package org.wenjin.tenancy.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.tenancy.domain.TenantRepository;

@ApplicationScoped
class JpaTenantRepository implements TenantRepository {

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Override
  public Optional<Tenant> findByAlias(String alias) {
    return em.createNamedQuery(Tenant.BY_ALIAS, Tenant.class)
        .setParameter("alias", alias)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Tenant> findById(long id) {
    return Optional.ofNullable(em.find(Tenant.class, id));
  }

  @Override
  public Tenant add(Tenant tenant) {
    em.persist(tenant);
    return tenant;
  }

  @Override
  public List<Tenant> all() {
    return em.createNamedQuery(Tenant.ALL, Tenant.class).getResultList();
  }
}
