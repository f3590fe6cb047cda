/** The auditor's facade over the audit trail and the DTOs views and the API show. */
package org.wenjin.audit.interfaces;
