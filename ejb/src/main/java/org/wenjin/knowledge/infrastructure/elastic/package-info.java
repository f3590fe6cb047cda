/**
 * Knowledge in Elasticsearch: the only package that talks to it (an architecture test keeps it so),
 * so that every read and write carries the caller's tenant and groups, added by {@link
 * org.wenjin.knowledge.infrastructure.elastic.TenantFilter} alone.
 */
package org.wenjin.knowledge.infrastructure.elastic;
