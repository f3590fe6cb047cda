package org.wenjin.tenancy.application;

import java.util.List;

/**
 * The caller of the current request as every tenant-scoped service sees it: the user, the tenant
 * they act for (chosen by {@link TenantContext}) and their groups. Resolved on the server from the
 * verified token; never from client input.
 */
public record ActingCaller(
    long tenantId, String tenantName, long userId, String username, List<String> groups) {

  public ActingCaller {
    groups = List.copyOf(groups);
  }
}
