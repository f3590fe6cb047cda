/**
 * Everything Wenjin knows about Elasticsearch: how to connect with the application's own
 * least-privilege credentials, the node configuration of the bundled node ({@code src/main/node}),
 * and (next) index templates, mappings and the Chinese analysis plugin.
 */
package org.wenjin.elastic;
