/**
 * The knowledge pages: search over the company's documents, one document's passages, and the tenant
 * admin's upload and indexing list.
 */
package org.wenjin.ui.knowledge;
