/**
 * The shell around every view: header, tenant switcher and a navigation derived from the views' own
 * {@code @RolesAllowed}, the root redirect, and the page for users who may not use the app.
 */
package org.wenjin.ui.layout;
