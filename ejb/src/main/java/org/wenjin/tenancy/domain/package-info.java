/**
 * The tenancy rules and ports: the caller identity a verified token vouches for, what a tenant name
 * may be, and the repositories and Keycloak directory that services depend on only as interfaces.
 */
package org.wenjin.tenancy.domain;
