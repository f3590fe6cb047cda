/**
 * A company's flows for its tenant admins: the list (offer, withdraw, reset, delete) and the editor
 * (JSON or YAML, checks that explain themselves, a dry run showing each step). Components fire
 * events; only the view calls the facade.
 */
package org.wenjin.ui.flows;
