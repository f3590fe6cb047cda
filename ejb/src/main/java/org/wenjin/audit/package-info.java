/** Audit: append-only records of administrative actions (and, next, of conversations). */
package org.wenjin.audit;
