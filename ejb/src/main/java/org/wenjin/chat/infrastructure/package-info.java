/**
 * JPA behind the chat repository, and the start-up repair of answers a shutdown cut off (the one
 * place that works across tenants, in plain SQL).
 */
package org.wenjin.chat.infrastructure;
