package org.wenjin.platform.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.wenjin.persistence.migration.DatabaseMigrations;

/**
 * Migrates the schema before the application serves anyone. A failed migration fails the
 * deployment, so the app never runs against a schema it does not expect.
 */
@Singleton
@Startup
// Flyway commits its own work; a container transaction around it would forbid that.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "java:jboss/datasources/WenjinDS")
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    MigrateResult result = DatabaseMigrations.migrate(dataSource);
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
}
