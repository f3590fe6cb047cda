/**
 * Several WildFly nodes on one database: which node this is, which nodes are alive (a heartbeat in
 * the database), and claims that let a scheduled job run on one node per period. Decision 0017.
 */
package org.wenjin.platform.cluster;
