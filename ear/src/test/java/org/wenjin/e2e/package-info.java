/**
 * End-to-end tests against the real stack that the build starts (Elasticsearch, Keycloak, WildFly
 * with the EAR), driven through Debian's Chromium.
 */
package org.wenjin.e2e;
