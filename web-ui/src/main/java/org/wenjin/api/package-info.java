/**
 * The JAX-RS API under {@code /api}: Keycloak bearer tokens only ({@link
 * org.wenjin.api.BearerOnlyFilter}), JSON in and out.
 */
package org.wenjin.api;
