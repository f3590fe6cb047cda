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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Tells the other nodes that this one runs: its row in {@code cluster_node}, seen again every few
 * seconds. A node not seen for {@link #GONE_AFTER} is gone (killed, cut off): another node then
 * marks the answers it was writing as interrupted, and a stop for them does not wait for it.
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

  @PostConstruct
  void start() {
    Instant now = Instant.now();
    if (!seen(now, "update cluster_node set started_at = ?, seen_at = ? where name = ?", true)) {
      seen(now, "insert into cluster_node (started_at, seen_at, name) values (?, ?, ?)", true);
    }
    beats =
        timer.scheduleWithFixedDelay(
            this::beat, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(() -> "Node " + node.name() + " started");
  }

  @PreDestroy
  void stop() {
    if (beats != null) {
      beats.cancel(false);
    }
  }

  private void beat() {
    try {
      Instant now = Instant.now();
      if (!seen(now, "update cluster_node set seen_at = ? where name = ?", false)) {
        seen(now, "insert into cluster_node (started_at, seen_at, name) values (?, ?, ?)", true);
      }
    } catch (RuntimeException e) {
      // the database is away: the next beat tries again (readiness reports the database)
      LOG.log(Level.FINE, "Heartbeat of " + node.name() + " failed", e);
    }
  }

  /** Runs one statement on this node's row; {@code started} also binds the start time first. */
  private boolean seen(Instant now, String sql, boolean started) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      if (started) {
        s.setObject(i++, now.atOffset(ZoneOffset.UTC));
      }
      s.setObject(i++, now.atOffset(ZoneOffset.UTC));
      s.setString(i, node.name());
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot record node " + node.name() + ": " + e.getMessage(), e);
    }
  }
}
