package org.wenjin.chat.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The answers being written on all nodes that share the database: which node writes each, stops
 * handed from the node that got them to the one writing the answer, and answers cut off by a node
 * that stopped. Across companies: callers have checked that a turn is the caller's first. Node
 * liveness is measured in the database's time, so the nodes' clocks need not agree.
 */
public interface StreamingAnswers {

  /** Why an answer of a node that went silent was marked interrupted by another. */
  String NODE_GONE = "The server writing this answer stopped before it ended.";

  /** At a node's start: its own answers (and those of no node, from before) were cut off. */
  int interruptOwn(String node);

  /**
   * The answers of nodes other than {@code self} silent for {@code silentSeconds}: nobody will end
   * them.
   */
  int interruptOrphaned(String self, int silentSeconds);

  /**
   * Asks the node writing the turn, when another than {@code self}, to stop it.
   *
   * @return the turn's id while another node writes it; else empty
   */
  List<Long> requestStopOfTurn(long turnId, String self);

  /** {@link #requestStopOfTurn} for every answer of the conversation that another node writes. */
  List<Long> requestStopOfConversation(long conversationId, String self);

  /**
   * Those of {@code turnIds} still being written, after marking interrupted those whose node has
   * been silent for {@code silentSeconds} (it cannot stop them any more).
   */
  List<Long> awaitingStop(Collection<Long> turnIds, int silentSeconds);

  /**
   * Marks the turn interrupted when {@code self} is named as writing it and it was asked before
   * {@code askedBefore}, for the node that knows it does not write it any more (its end could not
   * be saved).
   *
   * @param askedBefore by {@code self}'s clock, which wrote the turn's {@code asked_at}: the
   *     database's clock may differ from it by more than the grace this leaves a turn being
   *     prepared
   * @return whether it was marked
   */
  boolean interruptAbandoned(long turnId, String self, Instant askedBefore);

  /** The answers {@code node} writes that another node was asked to stop. */
  List<Long> stopsRequestedOf(String node);
}
