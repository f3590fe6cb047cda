/**
 * Governance: a company's retention (how long conversations and audit events are kept, purged by a
 * job that runs once per period across nodes) and quotas (questions per minute, tokens per day, per
 * user and per company), within the bounds the platform operator sets.
 */
package org.wenjin.governance;
