package org.wenjin.chat.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.wenjin.chat.domain.StreamingAnswers;
import org.wenjin.platform.cluster.ClusterNode;

/**
 * At startup, the answers this node was still writing were cut off by its last shutdown: mark them
 * INTERRUPTED so the user sees what happened and can regenerate. Only this node's: the other nodes
 * sharing the database go on writing theirs ({@link OrphanedAnswers} takes those of a node that
 * never comes back).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class InterruptedAnswers {

  private static final Logger LOG = Logger.getLogger(InterruptedAnswers.class.getName());

  @Inject private StreamingAnswers streaming;

  @Inject private ClusterNode node;

  @PostConstruct
  void markInterrupted() {
    int count = streaming.interruptOwn(node.name());
    if (count > 0) {
      LOG.info(() -> count + " answers were interrupted by the last shutdown of " + node.name());
    }
  }
}
