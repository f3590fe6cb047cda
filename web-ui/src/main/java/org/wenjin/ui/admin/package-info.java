/**
 * The administration pages: a company's members and models, and the platform's tenants. Forms fire
 * events; only the views call the facades.
 */
package org.wenjin.ui.admin;
