package org.wenjin.persistence.migration;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the schema version this build expects. Flyway owns the schema; the same
 * migrations serve H2 (the default run) and PostgreSQL (production).
 */
public final class DatabaseMigrations {

  static final String LOCATION = "classpath:db/migration";

  private DatabaseMigrations() {}

  /** Applies pending migrations; fails (and changes nothing further) if one of them fails. */
  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure(DatabaseMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
