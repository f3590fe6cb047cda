package org.wenjin.chat.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.wenjin.chat.domain.ConversationRepository;
import org.wenjin.persistence.chat.Conversation;

/**
 * Deletes the current company's conversations not used since a cutoff (retention). Their exchanges
 * stay in the audit trail, which has a retention of its own.
 */
@Stateless
public class ChatRetention {

  /**
   * Conversations read and deleted at a time: a first purge after a long retention was set may find
   * years of them, and reading them all at once held them all in memory.
   */
  public static final int PAGE = 200;

  @Inject private ConversationRepository conversations;

  @Inject private AnswerStreams streams;

  /**
   * @return how many conversations were deleted
   */
  public int purgeConversationsBefore(Instant cutoff) {
    int deleted = 0;
    List<Conversation> page;
    do {
      // the next read flushes the deletes before it (JPA's automatic flush), which also leaves
      // the deleted conversations out of the persistence context: memory stays one page
      page = conversations.notUpdatedSince(cutoff, PAGE);
      page.forEach(c -> streams.stopConversation(c.getId()));
      page.forEach(conversations::remove);
      deleted += page.size();
    } while (page.size() == PAGE);
    return deleted;
  }
}
