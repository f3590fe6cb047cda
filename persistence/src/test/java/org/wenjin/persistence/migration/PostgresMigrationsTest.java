package org.wenjin.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrations on a real PostgreSQL, run as the schema's owner for an application role of its
 * own: the same scripts as on H2 create the schema, file contents round-trip, and the application
 * can write the audit trail but neither change nor truncate it.
 */
class PostgresMigrationsTest {

  private static final String APP = "wenjin";
  private static final String APP_PASSWORD = "app-test-password";

  private static LocalPostgres postgres;
  private static MigrateResult first;

  @BeforeAll
  static void migrateAFreshDatabase() throws Exception {
    postgres = LocalPostgres.start();
    try (Connection c = owner();
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
    }
    first = DatabaseMigrations.migrate(ownerSource(), APP);
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static PGSimpleDataSource ownerSource() {
    return postgres.dataSource(LocalPostgres.OWNER, LocalPostgres.PASSWORD);
  }

  private static Connection owner() throws SQLException {
    return postgres.connect("wenjin", LocalPostgres.OWNER, LocalPostgres.PASSWORD);
  }

  private static Connection app() throws SQLException {
    return postgres.connect("wenjin", APP, APP_PASSWORD);
  }

  @Test
  void everyMigrationAppliesOnPostgresqlAndASecondRunChangesNothing() {
    assertThat(first.success).isTrue();
    assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(14);

    MigrateResult again = DatabaseMigrations.migrate(ownerSource(), APP);

    assertThat(again.success).isTrue();
    assertThat(again.migrationsExecuted).isZero();
  }

  @Test
  void theApplicationStoresADocumentsBytesAndReadsThemBack() throws SQLException {
    byte[] bytes = "员工手册 %PDF-\u0000\u00ff".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (Connection c = app();
        Statement s = c.createStatement()) {
      long tenant = newTenant(s, "docs");
      s.executeUpdate(
          "INSERT INTO app_user (subject, username, first_seen_at, last_seen_at)"
              + " VALUES ('s-carol', 'carol', now(), now())",
          Statement.RETURN_GENERATED_KEYS);
      long carol = generatedId(s);
      s.executeUpdate(
          "INSERT INTO kb_document (tenant_id, title, source_name, media_type, size_bytes, sha256,"
              + " collection, status, uploaded_by, created_at, updated_at) VALUES ("
              + tenant
              + ", 'Handbook', 'h.pdf', 'application/pdf', 9, 'x', 'handbook', 'QUEUED', "
              + carol
              + ", now(), now())",
          Statement.RETURN_GENERATED_KEYS);
      long document = generatedId(s);
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO kb_document_content (document_id, tenant_id, bytes) VALUES (?, ?, ?)")) {
        insert.setLong(1, document);
        insert.setLong(2, tenant);
        insert.setBytes(3, bytes);
        insert.executeUpdate();
      }
      try (ResultSet read =
          s.executeQuery("SELECT bytes FROM kb_document_content WHERE document_id = " + document)) {
        assertThat(read.next()).isTrue();
        assertThat(read.getBytes(1)).isEqualTo(bytes);
      }
    }
  }

  @Test
  void theApplicationAppendsToTheAuditTrailButCannotChangeOrTruncateIt() throws SQLException {
    try (Connection c = app();
        Statement s = c.createStatement()) {
      long tenant = newTenant(s, "audit");
      String hash = "0".repeat(64);
      s.executeUpdate(
          "INSERT INTO audit_event (tenant_id, seq, occurred_at, type, actor, answer, prev_hash,"
              + " hash) VALUES ("
              + tenant
              + ", 1, now(), 'EXCHANGE', 'alice', 'the answer', '"
              + hash
              + "', '"
              + hash
              + "')");

      assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET answer = 'rewritten'"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.execute("TRUNCATE audit_event_document"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM flyway_schema_history"))
          .as("the schema's history is the owner's")
          .hasMessageContaining("permission denied");
      try (ResultSet kept = s.executeQuery("SELECT answer FROM audit_event")) {
        assertThat(kept.next()).isTrue();
        assertThat(kept.getString(1)).isEqualTo("the answer");
      }
    }
  }

  private static long newTenant(Statement s, String alias) throws SQLException {
    s.executeUpdate(
        "INSERT INTO tenant (alias, display_name, created_at) VALUES ('"
            + alias
            + "', 'Tenant "
            + alias
            + "', now())",
        Statement.RETURN_GENERATED_KEYS);
    return generatedId(s);
  }

  private static long generatedId(Statement s) throws SQLException {
    try (ResultSet keys = s.getGeneratedKeys()) {
      keys.next();
      return keys.getLong("id");
    }
  }
}
