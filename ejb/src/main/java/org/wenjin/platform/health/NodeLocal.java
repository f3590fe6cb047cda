package org.wenjin.platform.health;

/**
 * A readiness check about this node alone (its heap), not about what all nodes share (database,
 * search, Keycloak): the checks a load balancer may take a node out of rotation for.
 */
public interface NodeLocal {}
