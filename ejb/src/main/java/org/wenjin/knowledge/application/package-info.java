/**
 * Knowledge use cases: documents of the caller's company, the ingestion worker that takes them off
 * the durable queue into the index, hybrid search, and the company's knowledge settings.
 */
package org.wenjin.knowledge.application;
