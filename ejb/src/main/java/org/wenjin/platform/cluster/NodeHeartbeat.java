package org.wenjin.platform.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Tells the other nodes that this one runs: its row in {@code cluster_node}, seen again every few
 * seconds in the database's time (so the nodes' clocks need not agree). A node not seen for {@link
 * #GONE_AFTER} is gone (killed, cut off): another node then marks the answers it was writing as
 * interrupted, and a stop for them does not wait for it. A node that shuts down says so at once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN) // each beat commits alone
public class NodeHeartbeat {

  /** How often a node says it runs. */
  static final Duration EVERY = Duration.ofSeconds(5);

  /** Silent this long, a node is taken for gone: several missed beats, not one slow one. */
  public static final Duration GONE_AFTER = Duration.ofSeconds(30);

  private static final Logger LOG = Logger.getLogger(NodeHeartbeat.class.getName());

  @Resource(lookup = "java:jboss/datasources/WenjinDS")
  private DataSource dataSource;

  @Resource private ManagedScheduledExecutorService timer;

  @Inject private ClusterNode node;

  private ScheduledFuture<?> beats;

  /** Set when the node shuts down: a beat still running must not undo the leaving mark. */
  private volatile boolean leaving;

  /** Since when (System.nanoTime) every beat succeeded; -1 while the last one failed. */
  private volatile long beatingSince = -1;

  @PostConstruct
  void start() {
    if (run(
            "update cluster_node set started_at = CURRENT_TIMESTAMP, seen_at = CURRENT_TIMESTAMP"
                + " where name = ?")
        == 0) {
      register();
    }
    beatingSince = System.nanoTime();
    beats =
        timer.scheduleWithFixedDelay(
            this::beat, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(() -> "Node " + node.name() + " started");
  }

  /** Leaving: the others take this node for gone now, not in {@link #GONE_AFTER}. */
  @PreDestroy
  void stop() {
    leaving = true;
    if (beats != null) {
      beats.cancel(false);
    }
    try {
      run(
          "update cluster_node set seen_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'"
              + " where name = ?");
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Node " + node.name() + " could not say it leaves", e);
    }
  }

  /**
   * Whether this node's beats have all succeeded for at least {@code period}: a node that was cut
   * off from the database itself must not take the others for gone when it is back.
   */
  public boolean steadyFor(Duration period) {
    long since = beatingSince;
    return since >= 0 && System.nanoTime() - since >= period.toNanos();
  }

  private void beat() {
    if (leaving) {
      return;
    }
    try {
      // never over the leaving mark (a beat that started before the shutdown)
      if (run(
                  "update cluster_node set seen_at = CURRENT_TIMESTAMP where name = ?"
                      + " and seen_at > TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'")
              == 0
          && !leaving) {
        register();
      }
      if (beatingSince < 0) {
        beatingSince = System.nanoTime();
      }
    } catch (RuntimeException e) {
      beatingSince = -1;
      // the database is away: the next beat tries again (readiness reports the database)
      LOG.log(Level.FINE, "Heartbeat of " + node.name() + " failed", e);
    }
  }

  private void register() {
    run(
        "insert into cluster_node (name, started_at, seen_at)"
            + " values (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
  }

  /** One statement about this node's row. */
  private int run(String sql) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, node.name());
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot record node " + node.name() + ": " + e.getMessage(), e);
    }
  }
}
