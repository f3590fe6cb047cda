/**
 * Tenancy use cases: who the caller acts for ({@link org.wenjin.tenancy.application.TenantContext}
 * and the {@link org.wenjin.tenancy.application.CallerScope} that carries it), just-in-time user
 * provisioning and the platform administration of tenants.
 */
package org.wenjin.tenancy.application;
