/**
 * Cross-cutting runtime concerns: schema migration at start-up and shared clients (Elasticsearch).
 */
package org.wenjin.platform;
