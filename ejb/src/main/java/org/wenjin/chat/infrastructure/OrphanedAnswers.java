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
import org.wenjin.platform.cluster.NodeHeartbeat;
import org.wenjin.platform.cluster.ScheduledRuns;

/**
 * Answers left half-written by a node that stopped and did not come back (killed, its machine
 * lost): once the node has been silent for {@link NodeHeartbeat#GONE_AFTER}, they are marked
 * INTERRUPTED, by one node of the group per run.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrphanedAnswers {

  static final String JOB = "orphaned-answers";

  private static final Duration EVERY = Duration.ofSeconds(15);

  private static final Logger LOG = Logger.getLogger(OrphanedAnswers.class.getName());

  @Inject private ScheduledRuns runs;

  @Inject private StreamingAnswers streaming;

  @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false)
  void sweep() {
    Instant now = Instant.now();
    if (runs.claim(JOB, now, EVERY)) {
      int count = streaming.interruptOrphaned(now.minus(NodeHeartbeat.GONE_AFTER));
      if (count > 0) {
        LOG.info(() -> count + " answers of a node that stopped were marked interrupted");
      }
    }
  }
}
