/** The application's roles, as issued by Keycloak in the token's realm roles. */
package org.wenjin.security;
