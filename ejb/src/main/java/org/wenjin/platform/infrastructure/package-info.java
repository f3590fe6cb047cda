/**
 * Beans the whole application shares at run time and no bounded context owns: the schema migration
 * that must finish before anyone is served, and the one Elasticsearch client.
 */
package org.wenjin.platform.infrastructure;
