/**
 * Chat rules without a container: the history window a model sees, citations, which documents
 * ground a conversation, titles, and the repository interface that cannot name another tenant.
 */
package org.wenjin.chat.domain;
