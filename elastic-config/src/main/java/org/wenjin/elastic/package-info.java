/**
 * Everything Wenjin knows about Elasticsearch: how to connect with the application's own
 * least-privilege credentials, the node configuration of the bundled node ({@code src/main/node}),
 * and the versioned chunk index behind its alias ({@link org.wenjin.elastic.ChunkIndex}, mapping in
 * {@code chunks-v3.json}). The Chinese analysis plugin is in {@code analysis}.
 */
package org.wenjin.elastic;
