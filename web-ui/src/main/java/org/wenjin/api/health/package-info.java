/**
 * Readiness of the application: MicroProfile Health checks (database, Elasticsearch, Keycloak)
 * served at {@code /api/health/ready}. WildFly's own {@code /health} endpoint does not collect
 * checks from EAR sub-deployments (docs/decisions/0002-readiness-endpoint.md), so the WAR
 * aggregates its checks itself, in the MicroProfile Health wire format.
 */
package org.wenjin.api.health;
