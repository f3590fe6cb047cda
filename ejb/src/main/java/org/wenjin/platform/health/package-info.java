/**
 * Readiness of what every part of the application needs (the database, the Keycloak realm), as
 * MicroProfile Health beans; the WAR's {@code ReadinessResource} collects them with the other
 * contexts' checks (docs/decisions/0002-readiness-endpoint.md).
 */
package org.wenjin.platform.health;
