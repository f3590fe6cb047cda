package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end suite runs on PostgreSQL (the stack's own server, WENJIN_DB=postgresql): what a
 * user asks through the API is in PostgreSQL's tables, and the role the application connects as can
 * append to the audit trail but cannot rewrite it — a guarantee of the database, not only of the
 * hash chain.
 */
class PostgresStoreIT {

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  @BeforeAll
  static void onPostgresql() {
    assumeThat(System.getProperty("wenjin.it.db", "postgresql"))
        .as("the suite was asked to run on H2 (-Dit.db=h2)")
        .isEqualTo("postgresql");
  }

  @Test
  void anAnswerIsInPostgresqlAndTheApplicationCannotRewriteItsAuditEvent() throws Exception {
    String alice = ApiIT.tokenFor("alice");
    String question = "Which database keeps " + UUID.randomUUID() + "?";
    HttpResponse<String> asked =
        ApiIT.send("POST", "/api/conversations", alice, "{\"question\":\"" + question + "\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    Matcher id = ID.matcher(asked.body());
    assertThat(id.find()).isTrue();
    try (Connection db = Stack.database();
        Statement s = db.createStatement()) {
      assertThat(db.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      try (PreparedStatement turn =
          db.prepareStatement("SELECT status FROM chat_turn WHERE question = ?")) {
        turn.setString(1, question);
        try (ResultSet row = turn.executeQuery()) {
          assertThat(row.next()).as("the turn is a row of PostgreSQL's").isTrue();
          assertThat(row.getString(1)).isEqualTo("COMPLETE");
        }
      }
      long event = auditEventOf(db, question);

      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE audit_event SET answer = 'forged' WHERE id = " + event))
          .hasMessageContaining("permission denied for table audit_event");
      assertThatThrownBy(() -> s.execute("TRUNCATE audit_event_document"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM flyway_schema_history"))
          .hasMessageContaining("permission denied");
    } finally {
      ApiIT.send("DELETE", "/api/conversations/" + id.group(1), alice, null);
    }
    HttpResponse<String> verified =
        ApiIT.send("GET", "/api/audit/verify", ApiIT.tokenFor("audrey"), null);
    assertThat(verified.body()).contains("\"intact\":true");
  }

  /** The exchange's event, written when the answer was saved (polled: it may trail the 201). */
  private static long auditEventOf(Connection db, String question)
      throws SQLException, InterruptedException {
    try (PreparedStatement find =
        db.prepareStatement("SELECT id FROM audit_event WHERE question = ?")) {
      find.setString(1, question);
      for (int attempt = 0; attempt < 50; attempt++) {
        try (ResultSet row = find.executeQuery()) {
          if (row.next()) {
            return row.getLong(1);
          }
        }
        Thread.sleep(200);
      }
    }
    throw new AssertionError("no audit event for " + question);
  }
}
