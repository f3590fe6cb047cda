package org.wenjin.chat.application;

import org.wenjin.inference.spi.ChatRequest;

/** A turn saved as "streaming" and the request to send to its model. */
public record PreparedTurn(
    long tenantId, long conversationId, long turnId, String modelId, ChatRequest request) {}
