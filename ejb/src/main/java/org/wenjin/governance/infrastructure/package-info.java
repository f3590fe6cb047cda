/** The policy rows, the daily usage ledger and the once-per-period guard, in the database. */
package org.wenjin.governance.infrastructure;
