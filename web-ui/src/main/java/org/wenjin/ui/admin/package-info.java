/**
 * Administration pages: a tenant admin's own company (members, offered models) and the platform
 * admin's list of tenants, with their forms.
 */
package org.wenjin.ui.admin;
