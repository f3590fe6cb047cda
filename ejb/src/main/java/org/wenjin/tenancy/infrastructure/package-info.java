/**
 * Where tenancy meets the outside: JPA repositories for tenants and users, Keycloak's admin API for
 * Organizations, and the one class that reads WildFly's OIDC principal.
 */
package org.wenjin.tenancy.infrastructure;
