package org.wenjin.chat.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The answers being written on all nodes that share the database: which node writes each, stops
 * handed from the node that got them to the one writing the answer, and answers cut off by a node
 * that stopped. Across companies: callers have checked that a turn is the caller's first.
 */
public interface StreamingAnswers {

  /** At a node's start: its own answers (and those of no node, from before) were cut off. */
  int interruptOwn(String node);

  /** The answers of nodes not seen since {@code seenSince}: nobody will end them. */
  int interruptOrphaned(Instant seenSince);

  /**
   * Asks the node writing the turn, when another than {@code self}, to stop it; a node gone (not
   * seen since {@code seenSince}) cannot, so its answer is marked interrupted at once.
   *
   * @return the turn's id while another, live node still writes it; else empty
   */
  List<Long> requestStopOfTurn(long turnId, String self, Instant now, Instant seenSince);

  /** {@link #requestStopOfTurn} for every answer of the conversation that another node writes. */
  List<Long> requestStopOfConversation(
      long conversationId, String self, Instant now, Instant seenSince);

  /** Those of {@code turnIds} still being written. */
  List<Long> stillStreaming(Collection<Long> turnIds);

  /** The answers {@code node} writes that another node was asked to stop. */
  List<Long> stopsRequestedOf(String node);
}
