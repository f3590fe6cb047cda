/**
 * Cross-cutting runtime concerns: schema migration at start-up, shared clients (Elasticsearch) and
 * the JSON-P provider.
 */
package org.wenjin.platform;
