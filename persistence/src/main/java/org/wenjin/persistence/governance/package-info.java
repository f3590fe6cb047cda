/** A company's governance: retention and quotas, and the daily usage the quotas count. */
package org.wenjin.persistence.governance;
