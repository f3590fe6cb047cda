/**
 * Cross-cutting runtime concerns: schema migration at start-up, readiness checks of the database
 * and Keycloak, and the JSON-P provider.
 */
package org.wenjin.platform;
