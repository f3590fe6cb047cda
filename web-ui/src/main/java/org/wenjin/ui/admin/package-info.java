/**
 * The administration pages: a company's members and models, its usage overview, and the platform's
 * tenants. Forms fire events; only the views call the facades.
 */
package org.wenjin.ui.admin;
