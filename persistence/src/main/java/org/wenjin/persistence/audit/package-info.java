/** Append-only records of what administrators did. */
package org.wenjin.persistence.audit;
