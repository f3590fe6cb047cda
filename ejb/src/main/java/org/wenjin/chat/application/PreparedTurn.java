package org.wenjin.chat.application;

import org.wenjin.engine.spi.ChatRequest;

/**
 * A turn saved as "streaming" and the request to send to its model; {@code citations} as stored
 * with the turn (JSON, or null).
 */
public record PreparedTurn(
    long tenantId,
    long userId,
    String username,
    long conversationId,
    long turnId,
    String modelId,
    ChatRequest request,
    String citations) {}
