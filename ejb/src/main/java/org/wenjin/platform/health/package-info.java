/**
 * Readiness of what every part of the application needs (the database, the Keycloak realm, a heap
 * that is not full), as MicroProfile Health beans; {@code ReadinessChecks} runs them with the other
 * contexts' checks for the WAR's {@code /api/health/ready} (decisions/0002-readiness-endpoint.md).
 */
package org.wenjin.platform.health;
