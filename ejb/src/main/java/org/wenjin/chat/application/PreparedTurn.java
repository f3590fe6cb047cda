package org.wenjin.chat.application;

import java.time.Instant;
import org.wenjin.engine.spi.ChatRequest;

/**
 * A turn saved as "streaming" and the request to send to its model; {@code citations} as stored
 * with the turn (JSON, or null). With a {@code flow}, the request is the flow's starting point (the
 * conversation and the question): its steps build what the models are sent. {@code flowRevision} is
 * the revision of the company's flow (null: a built-in as shipped), {@code apiKeyId} the key the
 * question came with (null: a signed-in user).
 */
public record PreparedTurn(
    long tenantId,
    long userId,
    String username,
    long conversationId,
    long turnId,
    String modelId,
    ChatRequest request,
    String citations,
    FlowPlan flow,
    Integer flowRevision,
    Long apiKeyId,
    Instant askedAt) {

  /** A turn whose answer is not tied to one asking of its question (a dry run, a test). */
  public PreparedTurn(
      long tenantId,
      long userId,
      String username,
      long conversationId,
      long turnId,
      String modelId,
      ChatRequest request,
      String citations,
      FlowPlan flow,
      Integer flowRevision,
      Long apiKeyId) {
    this(
        tenantId,
        userId,
        username,
        conversationId,
        turnId,
        modelId,
        request,
        citations,
        flow,
        flowRevision,
        apiKeyId,
        null);
  }

  public PreparedTurn(
      long tenantId,
      long userId,
      String username,
      long conversationId,
      long turnId,
      String modelId,
      ChatRequest request,
      String citations) {
    this(
        tenantId,
        userId,
        username,
        conversationId,
        turnId,
        modelId,
        request,
        citations,
        null,
        null,
        null);
  }

  /** A flow's turn for a signed-in user, with a built-in flow. */
  public PreparedTurn(
      long tenantId,
      long userId,
      String username,
      long conversationId,
      long turnId,
      String modelId,
      ChatRequest request,
      String citations,
      FlowPlan flow) {
    this(
        tenantId,
        userId,
        username,
        conversationId,
        turnId,
        modelId,
        request,
        citations,
        flow,
        null,
        null);
  }
}
