package org.wenjin.chat.domain;

import java.util.List;
import java.util.Optional;
import org.wenjin.persistence.chat.CompanyFlow;

/** The current tenant's own flows and edited built-ins (Hibernate adds the tenant). */
public interface CompanyFlowRepository {

  /** Ordered by flow id. */
  List<CompanyFlow> all();

  Optional<CompanyFlow> find(String flowId);

  CompanyFlow add(CompanyFlow flow);

  void remove(CompanyFlow flow);

  /** Writes pending changes now, so a conflicting change fails here rather than at commit. */
  void flush();
}
