package org.wenjin.chat.application;

import java.util.List;
import java.util.Optional;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.persistence.chat.Conversation;
import org.wenjin.tenancy.application.ActingCaller;

/** A user's own conversations: list, read, rename, clear, delete, feedback. */
public interface ConversationService {

  /** The newest conversations (the sidebar's 200), optionally filtered by {@code text}. */
  List<Conversation> list(ActingCaller caller, String text);

  /** One page of them, newest first: {@code limit} at most, after the first {@code offset}. */
  List<Conversation> list(ActingCaller caller, String text, int offset, int limit);

  /** The conversation if it exists in the caller's tenant and is theirs. */
  Optional<Conversation> find(ActingCaller caller, long conversationId);

  /** The conversation if it exists in the caller's tenant and is theirs; else {@code ChatRules}. */
  Conversation owned(ActingCaller caller, long conversationId);

  ChatTurn ownedTurn(ActingCaller caller, long turnId);

  List<ChatTurn> turns(ActingCaller caller, long conversationId);

  Conversation rename(ActingCaller caller, long conversationId, String title);

  /** Which documents ground the conversation's next answers. */
  Conversation changeSources(ActingCaller caller, long conversationId, DocumentSources sources);

  void delete(ActingCaller caller, long conversationId);

  void clear(ActingCaller caller, long conversationId);

  void deleteTurn(ActingCaller caller, long turnId);

  ChatTurn rate(ActingCaller caller, long turnId, int rating, String comment);
}
