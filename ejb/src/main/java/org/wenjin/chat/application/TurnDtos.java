package org.wenjin.chat.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.wenjin.chat.domain.Citation;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.inference.application.ModelCatalog;
import org.wenjin.inference.application.RegisteredModel;
import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.platform.text.RuleMessage;

/**
 * The one place a turn becomes the {@link TurnDto} every client sees (chat view, REST, SSE), with
 * its model's current label.
 */
@ApplicationScoped
public class TurnDtos {

  @Inject private ModelCatalog catalog;

  public TurnDto of(ChatTurn t) {
    return new TurnDto(
        t.getId(),
        t.getConversationId(),
        t.getQuestion(),
        t.getAnswer(),
        t.getStatus().name(),
        t.getError(),
        t.getModelId(),
        label(t.getModelId()),
        t.getRating() == null ? null : t.getRating().intValue(),
        t.getFeedback(),
        t.getAskedAt(),
        Citation.fromJson(t.getCitations()),
        t.getFlowId(),
        t.getFlowTrace(),
        RuleMessage.stored(t.getErrorKey(), t.getErrorArgs()));
  }

  /** A turn just saved and handed to the pool: no answer yet. */
  TurnDto streaming(PreparedTurn prepared) {
    return new TurnDto(
        prepared.turnId(),
        prepared.conversationId(),
        prepared.request().question(),
        "",
        "STREAMING",
        null,
        prepared.modelId(),
        label(prepared.modelId()),
        null,
        null,
        Instant.now(),
        Citation.fromJson(prepared.citations()),
        prepared.flow() == null ? null : prepared.flow().flow().id(),
        null,
        null);
  }

  private String label(String modelId) {
    return modelId == null
        ? ""
        : catalog.find(modelId).map(RegisteredModel::label).orElse(modelId + " (removed)");
  }
}
