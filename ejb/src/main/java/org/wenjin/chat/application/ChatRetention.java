package org.wenjin.chat.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import org.wenjin.chat.domain.ConversationRepository;

/**
 * Deletes the current company's conversations not used since a cutoff (retention). Their exchanges
 * stay in the audit trail, which has a retention of its own.
 */
@Stateless
public class ChatRetention {

  @Inject private ConversationRepository conversations;

  @Inject private AnswerStreams streams;

  /**
   * @return how many conversations were deleted
   */
  public int purgeConversationsBefore(Instant cutoff) {
    var old = conversations.notUpdatedSince(cutoff);
    old.forEach(c -> streams.stopConversation(c.getId()));
    old.forEach(conversations::remove);
    return old.size();
  }
}
