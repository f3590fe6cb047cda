/**
 * Changing the policy, purging by it (now or by the hourly job), and the quota gate of the answer
 * use case.
 */
package org.wenjin.governance.application;
