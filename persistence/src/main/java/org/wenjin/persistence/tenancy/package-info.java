/**
 * Tenants (Keycloak Organizations) and the users the application has seen, and the partitioning
 * every tenant-owned row relies on: the thread's {@link
 * org.wenjin.persistence.tenancy.TenantScope}, the resolver Hibernate asks for it, and the {@link
 * org.wenjin.persistence.tenancy.TenantOwnedEntity} header that carries the tenant column.
 */
package org.wenjin.persistence.tenancy;
