/**
 * The Vaadin Flow UI. Views talk only to EJB facades and get DTOs back; the whole application sits
 * behind Keycloak sign-in (WildFly's elytron-oidc-client, see {@code WEB-INF/oidc.json}).
 */
package org.wenjin.ui;
