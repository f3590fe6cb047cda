/**
 * The knowledge ports implemented: Tika for parsing, JPA for documents and the leased ingestion
 * queue, and Elasticsearch for the chunk index, always filtered by the caller's tenant.
 */
package org.wenjin.knowledge.infrastructure;
