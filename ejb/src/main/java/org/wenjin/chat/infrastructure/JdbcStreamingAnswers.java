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
 * {@code cluster_node}: plain SQL for every company at once, each statement committed alone, times
 * the database's own ({@code CURRENT_TIMESTAMP}; the interval syntax is the standard one that H2
 * and PostgreSQL share).
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class JdbcStreamingAnswers implements StreamingAnswers {

  static final String RESTARTED = "The server restarted while this answer was being written.";

  static final String ABANDONED = "The end of this answer could not be saved.";

  @Resource(lookup = "java:jboss/datasources/WenjinDS")
  private DataSource dataSource;

  /** Nodes seen within the last {@code seconds} (an int from our code, never user input). */
  private static String live(int seconds) {
    return "(SELECT name FROM cluster_node WHERE seen_at >= CURRENT_TIMESTAMP - INTERVAL '"
        + seconds
        + "' SECOND)";
  }

  @Override
  public int interruptOwn(String node) {
    return update(
        "UPDATE chat_turn SET status = 'INTERRUPTED', error = ?"
            + " WHERE status = 'STREAMING' AND (node = ? OR node IS NULL)",
        RESTARTED,
        node);
  }

  @Override
  public int interruptOrphaned(String self, int silentSeconds) {
    return update(
        "UPDATE chat_turn SET status = 'INTERRUPTED', error = ?"
            + " WHERE status = 'STREAMING' AND node IS NOT NULL AND node <> ?"
            + " AND node NOT IN "
            + live(silentSeconds),
        NODE_GONE,
        self);
  }

  @Override
  public List<Long> requestStopOfTurn(long turnId, String self) {
    return requestStop("id = ?", turnId, self);
  }

  @Override
  public List<Long> requestStopOfConversation(long conversationId, String self) {
    return requestStop("conversation_id = ?", conversationId, self);
  }

  private List<Long> requestStop(String which, long id, String self) {
    String elsewhere = " WHERE " + which + " AND status = 'STREAMING' AND node <> ?";
    if (update("UPDATE chat_turn SET stop_requested_at = CURRENT_TIMESTAMP" + elsewhere, id, self)
        == 0) {
      return List.of();
    }
    return ids("SELECT id FROM chat_turn" + elsewhere, id, self);
  }

  @Override
  public List<Long> awaitingStop(Collection<Long> turnIds, int silentSeconds) {
    if (turnIds.isEmpty()) {
      return List.of();
    }
    String marks = turnIds.stream().map(t -> "?").collect(Collectors.joining(", "));
    String these = " WHERE status = 'STREAMING' AND id IN (" + marks + ")";
    List<Object> values = new ArrayList<>(List.of(NODE_GONE));
    values.addAll(turnIds);
    update(
        "UPDATE chat_turn SET status = 'INTERRUPTED', error = ?"
            + these
            + " AND node NOT IN "
            + live(silentSeconds),
        values.toArray());
    return ids("SELECT id FROM chat_turn" + these, turnIds.toArray());
  }

  @Override
  public boolean interruptAbandoned(long turnId, String self, Instant askedBefore) {
    return update(
            "UPDATE chat_turn SET status = 'INTERRUPTED', error = ?"
                + " WHERE id = ? AND status = 'STREAMING' AND node = ? AND asked_at < ?",
            ABANDONED,
            turnId,
            self,
            askedBefore.atOffset(ZoneOffset.UTC))
        == 1;
  }

  @Override
  public List<Long> stopsRequestedOf(String node) {
    // also answers another node took this one for gone meanwhile: a stop asked for then must
    // still end the generation, which goes on here (recent ones only: the rows stay)
    return ids(
        "SELECT id FROM chat_turn WHERE node = ? AND stop_requested_at IS NOT NULL"
            + " AND (status = 'STREAMING' OR (status = 'INTERRUPTED' AND error = ?"
            + " AND stop_requested_at > CURRENT_TIMESTAMP - INTERVAL '30' MINUTE))",
        node,
        NODE_GONE);
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
