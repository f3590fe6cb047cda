package org.wenjin.chat.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.wenjin.chat.domain.CompanyFlowRepository;
import org.wenjin.persistence.chat.CompanyFlow;

/** JPA; the tenant restriction comes from {@code @TenantId}. */
@ApplicationScoped
public class JpaCompanyFlowRepository implements CompanyFlowRepository {

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Override
  public List<CompanyFlow> all() {
    return em.createQuery("select f from CompanyFlow f order by f.flowId", CompanyFlow.class)
        .getResultList();
  }

  @Override
  public Optional<CompanyFlow> find(String flowId) {
    return em.createQuery("select f from CompanyFlow f where f.flowId = :id", CompanyFlow.class)
        .setParameter("id", flowId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public CompanyFlow add(CompanyFlow flow) {
    em.persist(flow);
    return flow;
  }

  @Override
  public void remove(CompanyFlow flow) {
    em.remove(flow);
  }

  @Override
  public void flush() {
    em.flush();
  }
}
