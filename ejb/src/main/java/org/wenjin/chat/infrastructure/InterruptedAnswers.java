package org.wenjin.chat.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * At startup, answers still marked as being written were cut off by the last shutdown: mark them
 * INTERRUPTED (for every tenant at once, hence plain SQL outside any tenant scope) so the user sees
 * what happened and can regenerate.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class InterruptedAnswers {

  private static final Logger LOG = Logger.getLogger(InterruptedAnswers.class.getName());

  @Resource(lookup = "java:jboss/datasources/WenjinDS")
  private DataSource dataSource;

  @PostConstruct
  void markInterrupted() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE chat_turn SET status = 'INTERRUPTED', error = ? WHERE status = 'STREAMING'")) {
      update.setString(1, "The server restarted while this answer was being written.");
      int count = update.executeUpdate();
      if (count > 0) {
        LOG.info(() -> count + " answers were interrupted by the last shutdown");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot mark interrupted answers: " + e.getMessage(), e);
    }
  }
}
