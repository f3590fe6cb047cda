/** Tenants (Keycloak Organizations) and the users the application has seen. */
package org.wenjin.persistence.tenancy;
