package org.wenjin.chat.infrastructure;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.wenjin.chat.domain.StreamingAnswers;
import org.wenjin.platform.cluster.ClusterNode;
import org.wenjin.platform.cluster.NodeHeartbeat;
import org.wenjin.platform.cluster.ScheduledRuns;

/**
 * Answers left half-written by a node that stopped and did not come back (killed, its machine
 * lost): once the node has been silent for {@link NodeHeartbeat#GONE_AFTER}, they are marked
 * INTERRUPTED, by one node of the group per run. If the node was alive after all, its own save
 * still records how the answer ended ({@code TurnService#finish}).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrphanedAnswers {

  static final String JOB = "orphaned-answers";

  private static final Duration EVERY = Duration.ofSeconds(15);

  private static final Logger LOG = Logger.getLogger(OrphanedAnswers.class.getName());

  @Inject private ScheduledRuns runs;

  @Inject private StreamingAnswers streaming;

  @Inject private NodeHeartbeat heartbeat;

  @Inject private ClusterNode node;

  @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false)
  void sweep() {
    // a node that was cut off from the database itself waits until its own beats have gone
    // through for as long: the others have beaten again by then
    if (!heartbeat.steadyFor(NodeHeartbeat.GONE_AFTER)) {
      return;
    }
    if (runs.claim(JOB, Instant.now(), EVERY)) {
      int count =
          streaming.interruptOrphaned(node.name(), (int) NodeHeartbeat.GONE_AFTER.toSeconds());
      if (count > 0) {
        LOG.info(() -> count + " answers of a node that stopped were marked interrupted");
      }
    }
  }
}
