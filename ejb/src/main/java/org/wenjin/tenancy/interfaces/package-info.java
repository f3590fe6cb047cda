/**
 * What the UI and the REST API call for sessions and tenants: role-checked facades with DTOs, and
 * the {@link org.wenjin.tenancy.interfaces.TenantScoped} interceptor that gives every tenant-owned
 * call its tenant.
 */
package org.wenjin.tenancy.interfaces;
