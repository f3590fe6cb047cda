/**
 * Wenjin's relational data: JPA entities per bounded context and the Flyway migrations that own the
 * schema ({@code db/migration}). Packaged as a library in the EAR's {@code lib/}.
 */
package org.wenjin.persistence;
