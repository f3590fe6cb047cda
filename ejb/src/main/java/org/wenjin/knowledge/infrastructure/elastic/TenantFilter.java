package org.wenjin.knowledge.infrastructure.elastic;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.List;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;

/**
 * The one place where the caller's tenant and groups become Elasticsearch values: the tenant that
 * chunks are written with, and the filters every read carries. Both come from {@link CallerScope},
 * so no parameter could name another tenant (an architecture test keeps the caller scope here).
 */
final class TenantFilter {

  private TenantFilter() {}

  /** The tenant field of the chunks the current caller writes (or deletes). */
  static String tenant() {
    return tenant(CallerScope.current());
  }

  /** The caller's tenant, and documents visible to everyone there or to one of their groups. */
  static List<Query> visibleToCaller() {
    ActingCaller caller = CallerScope.current();
    List<FieldValue> visible = new ArrayList<>();
    visible.add(FieldValue.of(ChunkDocument.EVERYONE));
    caller.groups().forEach(g -> visible.add(FieldValue.of(g)));
    List<Query> filters = new ArrayList<>();
    filters.add(Query.of(q -> q.term(t -> t.field("tenant").value(tenant(caller)))));
    filters.add(Query.of(q -> q.terms(t -> t.field("visible_to").terms(v -> v.value(visible)))));
    return filters;
  }

  private static String tenant(ActingCaller caller) {
    return String.valueOf(caller.tenantId());
  }
}
