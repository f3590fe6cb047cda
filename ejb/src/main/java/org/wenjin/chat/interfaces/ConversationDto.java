package org.wenjin.chat.interfaces;

import java.io.Serializable;
import java.time.Instant;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.persistence.chat.Conversation;

/** A conversation in the sidebar, with the documents that ground its answers. */
public record ConversationDto(
    long id, String title, Instant updatedAt, String modelId, DocumentSources sources)
    implements Serializable {

  static ConversationDto of(Conversation c) {
    return new ConversationDto(
        c.getId(),
        c.getTitle(),
        c.getUpdatedAt(),
        c.getModelId(),
        DocumentSources.decode(c.getKnowledgeScope()));
  }
}
