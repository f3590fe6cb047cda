package org.wenjin.persistence.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the schema version this build expects. Flyway owns the schema; the same
 * migrations serve H2 (the default run) and PostgreSQL (production), with a few PostgreSQL-only
 * callbacks beside them (db/vendor/postgresql*).
 */
public final class DatabaseMigrations {

  static final String LOCATION = "classpath:db/migration";
  private static final String POSTGRESQL = "classpath:db/vendor/postgresql";
  private static final String POSTGRESQL_GRANTS = "classpath:db/vendor/postgresql-grants";

  private DatabaseMigrations() {}

  /** Applies pending migrations as the one user that owns and uses the schema. */
  public static MigrateResult migrate(DataSource dataSource) {
    return migrate(dataSource, null);
  }

  /**
   * Applies pending migrations as the schema's owner; fails (and changes nothing further) if one of
   * them fails.
   *
   * @param owner connections as the role that owns the schema
   * @param applicationUser the role the application connects as, or null when that is the owner; on
   *     PostgreSQL it is granted the tables, except changing or truncating the audit trail
   */
  public static MigrateResult migrate(DataSource owner, String applicationUser) {
    Database database = Database.of(owner);
    List<String> locations = new ArrayList<>(List.of(LOCATION));
    Map<String, String> placeholders = Map.of();
    if (database.postgresql()) {
      locations.add(POSTGRESQL);
      if (applicationUser != null && !applicationUser.equals(database.user())) {
        locations.add(POSTGRESQL_GRANTS);
        placeholders = Map.of("app_user", applicationUser);
      }
    }
    return Flyway.configure(DatabaseMigrations.class.getClassLoader())
        .dataSource(owner)
        .locations(locations.toArray(String[]::new))
        .placeholders(placeholders)
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  /** Which database a data source reaches, and as whom. */
  record Database(String product, String user) {

    static Database of(DataSource dataSource) {
      try (Connection connection = dataSource.getConnection()) {
        DatabaseMetaData meta = connection.getMetaData();
        return new Database(meta.getDatabaseProductName(), meta.getUserName());
      } catch (SQLException e) {
        throw new FlywayException("cannot reach the database to migrate it: " + e.getMessage(), e);
      }
    }

    boolean postgresql() {
      return "PostgreSQL".equals(product);
    }
  }
}
