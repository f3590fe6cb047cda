/**
 * The one answer use case: prepare a turn (history, grounding passages, settings), stream it
 * through the inference pool, and save the question and the answer each in their own transaction,
 * so nothing is lost when a client goes away or the model fails.
 */
package org.wenjin.chat.application;
