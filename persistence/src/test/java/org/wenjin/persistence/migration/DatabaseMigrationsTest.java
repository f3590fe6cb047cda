package org.wenjin.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DatabaseMigrationsTest {

  private static JdbcDataSource freshDatabase() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  @Test
  void createsTheTenancyTablesOnAnEmptyDatabase() throws SQLException {
    JdbcDataSource ds = freshDatabase();

    MigrateResult result = DatabaseMigrations.migrate(ds);

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "insert into tenant (alias, display_name, created_at) values ('acme', 'Acme', CURRENT_TIMESTAMP)");
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "insert into tenant (alias, display_name, created_at)"
                          + " values ('acme', 'Acme again', CURRENT_TIMESTAMP)"))
          .as("tenant aliases are unique")
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void secondRunOnAnUpToDateDatabaseChangesNothing() {
    JdbcDataSource ds = freshDatabase();
    DatabaseMigrations.migrate(ds);

    MigrateResult again = DatabaseMigrations.migrate(ds);

    assertThat(again.success).isTrue();
    assertThat(again.migrationsExecuted).isZero();
  }

  @Test
  void membershipRequiresAnExistingTenantAndUser() throws SQLException {
    JdbcDataSource ds = freshDatabase();
    DatabaseMigrations.migrate(ds);

    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "insert into tenant_membership (tenant_id, user_id, first_seen_at, last_seen_at)"
                          + " values (42, 43, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
          .isInstanceOf(SQLException.class);
    }
  }
}
