/**
 * The one answer use case ({@code AnswerService}): prepare a turn (history, grounding passages,
 * settings), stream it through inference's {@code GenerationService}, and save the question and the
 * answer each in their own transaction, so nothing is lost when a client goes away or the model
 * fails; plus the user's conversations and the company's chat settings.
 */
package org.wenjin.chat.application;
