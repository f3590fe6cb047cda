/** The JAX-RS API under {@code /api}: Keycloak bearer tokens, JSON in and out. */
package org.wenjin.api;
