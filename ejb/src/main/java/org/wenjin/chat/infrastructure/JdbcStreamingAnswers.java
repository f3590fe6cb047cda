package org.wenjin.chat.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.wenjin.chat.domain.StreamingAnswers;

/**
 * {@link StreamingAnswers} in {@code chat_turn} ({@code node}, {@code stop_requested_at}) and
 * {@code cluster_node}: plain SQL for every company at once, each statement committed alone.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class JdbcStreamingAnswers implements StreamingAnswers {

  static final String RESTARTED = "The server restarted while this answer was being written.";

  static final String NODE_GONE = "The server writing this answer stopped before it ended.";

  @Resource(lookup = "java:jboss/datasources/WenjinDS")
  private DataSource dataSource;

  @Override
  public int interruptOwn(String node) {
    return update(
        "UPDATE chat_turn SET status = 'INTERRUPTED', error = ?"
            + " WHERE status = 'STREAMING' AND (node = ? OR node IS NULL)",
        RESTARTED,
        node);
  }

  @Override
  public int interruptOrphaned(Instant seenSince) {
    return update(
        "UPDATE chat_turn SET status = 'INTERRUPTED', error = ?"
            + " WHERE status = 'STREAMING' AND node IS NOT NULL"
            + " AND node NOT IN (SELECT name FROM cluster_node WHERE seen_at >= ?)",
        NODE_GONE,
        utc(seenSince));
  }

  @Override
  public List<Long> requestStopOfTurn(long turnId, String self, Instant now, Instant seenSince) {
    return requestStop("id = ?", turnId, self, now, seenSince);
  }

  @Override
  public List<Long> requestStopOfConversation(
      long conversationId, String self, Instant now, Instant seenSince) {
    return requestStop("conversation_id = ?", conversationId, self, now, seenSince);
  }

  private List<Long> requestStop(
      String which, long id, String self, Instant now, Instant seenSince) {
    String elsewhere = " WHERE " + which + " AND status = 'STREAMING' AND node <> ?";
    if (update("UPDATE chat_turn SET stop_requested_at = ?" + elsewhere, utc(now), id, self) == 0) {
      return List.of();
    }
    update(
        "UPDATE chat_turn SET status = 'INTERRUPTED', error = ?"
            + elsewhere
            + " AND node NOT IN (SELECT name FROM cluster_node WHERE seen_at >= ?)",
        NODE_GONE,
        id,
        self,
        utc(seenSince));
    return ids("SELECT id FROM chat_turn" + elsewhere, id, self);
  }

  @Override
  public List<Long> stillStreaming(Collection<Long> turnIds) {
    if (turnIds.isEmpty()) {
      return List.of();
    }
    String marks = turnIds.stream().map(t -> "?").collect(Collectors.joining(", "));
    return ids(
        "SELECT id FROM chat_turn WHERE status = 'STREAMING' AND id IN (" + marks + ")",
        turnIds.toArray());
  }

  @Override
  public List<Long> stopsRequestedOf(String node) {
    return ids(
        "SELECT id FROM chat_turn WHERE node = ? AND status = 'STREAMING'"
            + " AND stop_requested_at IS NOT NULL",
        node);
  }

  private static Object utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private int update(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = bind(c.prepareStatement(sql), values)) {
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot update answers being written: " + e.getMessage(), e);
    }
  }

  private List<Long> ids(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = bind(c.prepareStatement(sql), values);
        ResultSet rows = s.executeQuery()) {
      List<Long> ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read answers being written: " + e.getMessage(), e);
    }
  }

  private static PreparedStatement bind(PreparedStatement s, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      s.setObject(i + 1, values[i]);
    }
    return s;
  }
}
