/**
 * The chat facades the UI and the REST API share — answering ({@code AnswerFacade}), the user's
 * history ({@code ConversationFacade}), a company's model settings ({@code ModelSettingsFacade}) —
 * their DTOs, and the one listener through which an answer is followed as it streams.
 */
package org.wenjin.chat.interfaces;
