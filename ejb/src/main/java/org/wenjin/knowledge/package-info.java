/**
 * Knowledge context: documents a tenant admin uploads, their durable way into the search index
 * (stored original → queue → Tika → chunks → embeddings → Elasticsearch), and hybrid search over
 * them, always inside the caller's tenant and groups.
 */
package org.wenjin.knowledge;
