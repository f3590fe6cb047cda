/**
 * The auditor's facade over the audit trail, the tenant admin's usage overview counted from it, and
 * the DTOs views and the API show.
 */
package org.wenjin.audit.interfaces;
