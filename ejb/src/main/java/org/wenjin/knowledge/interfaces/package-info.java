/**
 * The knowledge facade the UI and the REST API share, and its DTOs; document ids from clients are
 * only ever looked up inside the caller's tenant.
 */
package org.wenjin.knowledge.interfaces;
