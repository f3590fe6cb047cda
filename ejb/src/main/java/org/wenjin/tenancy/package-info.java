/**
 * Tenancy and identity: who the caller is (from the Keycloak token), which tenant they act for, and
 * the users and tenants the application has seen.
 */
package org.wenjin.tenancy;
