package org.wenjin.chat.domain;

import java.util.List;
import java.util.Optional;
import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.persistence.chat.Conversation;
import org.wenjin.persistence.chat.TenantChatSettings;

/**
 * Conversations and turns of the current tenant (Hibernate adds the tenant to every query; this
 * interface cannot even express another tenant).
 */
public interface ConversationRepository {

  Conversation add(Conversation conversation);

  Optional<Conversation> find(long id);

  /**
   * The owner's conversations, newest first, optionally only those whose text contains {@code
   * text}: at most {@code limit} of them, after skipping the first {@code offset}.
   */
  List<Conversation> ownedBy(long ownerId, String text, int offset, int limit);

  void remove(Conversation conversation);

  /** At most {@code limit} of the conversations last used before {@code cutoff}, oldest first. */
  List<Conversation> notUpdatedSince(java.time.Instant cutoff, int limit);

  ChatTurn add(ChatTurn turn);

  Optional<ChatTurn> findTurn(long id);

  List<ChatTurn> turns(long conversationId);

  /** Deletes the turns at {@code position} and later. */
  void removeTurnsFrom(long conversationId, int position);

  void removeTurn(ChatTurn turn);

  Optional<TenantChatSettings> settings();

  TenantChatSettings saveSettings(TenantChatSettings settings);

  /** Writes pending changes, so generated ids exist before an answer starts. */
  void flush();
}
