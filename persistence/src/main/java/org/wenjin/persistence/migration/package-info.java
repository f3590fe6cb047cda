/** Applies the Flyway migrations of {@code db/migration} to a data source. */
package org.wenjin.persistence.migration;
