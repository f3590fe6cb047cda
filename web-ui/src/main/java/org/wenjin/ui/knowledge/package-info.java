/**
 * The knowledge pages: search ({@link org.wenjin.ui.knowledge.KnowledgeView}), one document, and
 * the tenant admins' documents page. Components fire events and show what they are given; only the
 * views call the facade.
 */
package org.wenjin.ui.knowledge;
