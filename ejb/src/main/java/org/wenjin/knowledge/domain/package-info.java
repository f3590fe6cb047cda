/**
 * Knowledge rules that need no container, so they are unit-tested alone: upload checks, chunking,
 * rank fusion and neighbour merging; and the ports (parser, repository, queue, index) that
 * infrastructure implements.
 */
package org.wenjin.knowledge.domain;
