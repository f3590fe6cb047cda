/**
 * Readiness of the application at {@code /api/health/ready}: the MicroProfile Health checks of the
 * ejb module (database, Keycloak in {@code org.wenjin.platform.health}, Elasticsearch in the
 * knowledge context). WildFly's own {@code /health} endpoint does not collect checks from EAR
 * sub-deployments (docs/decisions/0002-readiness-endpoint.md), so the WAR aggregates them itself,
 * in the MicroProfile Health wire format.
 */
package org.wenjin.api.health;
