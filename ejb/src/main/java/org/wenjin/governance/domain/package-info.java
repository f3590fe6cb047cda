/** The policy, its bounds and rules, the minute windows and the usage ledger's contract. */
package org.wenjin.governance.domain;
