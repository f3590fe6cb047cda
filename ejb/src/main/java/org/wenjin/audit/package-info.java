/**
 * Audit: every exchange and every administrative action of a company, append-only and hash-chained
 * per company; the auditor's search, export and verification over it.
 */
package org.wenjin.audit;
