/**
 * Sign-out, role-based access to views, and the headers every response gets ({@link
 * org.wenjin.ui.security.SecurityHeadersFilter}: Content-Security-Policy, nosniff, referrer
 * policy).
 */
package org.wenjin.ui.security;
