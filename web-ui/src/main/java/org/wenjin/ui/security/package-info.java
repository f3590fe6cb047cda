/** Sign-out and role-based access to views. */
package org.wenjin.ui.security;
