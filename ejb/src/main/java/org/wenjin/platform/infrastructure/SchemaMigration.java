package org.wenjin.platform.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.wenjin.persistence.migration.DatabaseMigrations;

/**
 * Migrates the schema before the application serves anyone. A failed migration fails the
 * deployment, so the app never runs against a schema it does not expect. Flyway connects as the
 * schema's owner (WenjinMigrationDS); where the app's own connections use another role, that role
 * is granted what the app may do (on PostgreSQL: no change to the audit trail).
 */
@Singleton
@Startup
// Flyway commits its own work; a container transaction around it would forbid that.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "java:jboss/datasources/WenjinMigrationDS")
  private DataSource owner;

  @Resource(lookup = "java:jboss/datasources/WenjinDS")
  private DataSource application;

  @PostConstruct
  void migrate() {
    MigrateResult result = DatabaseMigrations.migrate(owner, applicationUser());
    LOG.info(
        () ->
            "Database schema at version "
                + (result.targetSchemaVersion != null
                    ? result.targetSchemaVersion
                    : result.initialSchemaVersion)
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }

  private String applicationUser() {
    try (Connection connection = application.getConnection()) {
      return connection.getMetaData().getUserName();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
    }
  }
}
