package org.wenjin.chat.application;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.domain.ConversationRepository;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.persistence.chat.Conversation;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.application.ActingCaller;

@Stateless
public class DefaultConversationService implements ConversationService {

  private static final int LIST_LIMIT = 200;

  @Inject private ConversationRepository conversations;

  @Inject private AuditLog audit;

  private final Clock clock = Clock.systemUTC();

  @Override
  public List<Conversation> list(ActingCaller caller, String text) {
    return list(caller, text, 0, LIST_LIMIT);
  }

  @Override
  public List<Conversation> list(ActingCaller caller, String text, int offset, int limit) {
    String query = text == null ? "" : text.strip();
    if (query.length() > 200) {
      throw new ChatRules(RuleMessage.of("chat.conversations.search-too-long", 200));
    }
    if (offset < 0 || limit < 1) {
      throw new ChatRules(RuleMessage.of("chat.conversations.page"));
    }
    return conversations.ownedBy(caller.userId(), query, offset, Math.min(limit, LIST_LIMIT));
  }

  @Override
  public Optional<Conversation> find(ActingCaller caller, long conversationId) {
    return conversations.find(conversationId).filter(c -> c.getOwnerId() == caller.userId());
  }

  @Override
  public Conversation owned(ActingCaller caller, long conversationId) {
    return find(caller, conversationId)
        .orElseThrow(() -> ChatRules.notFound(RuleMessage.of("chat.thing.conversation")));
  }

  @Override
  public ChatTurn ownedTurn(ActingCaller caller, long turnId) {
    // a colleague's turn answers exactly like a turn that does not exist: a different message
    // would tell which turn ids are taken in the company
    return conversations
        .findTurn(turnId)
        .filter(turn -> find(caller, turn.getConversationId()).isPresent())
        .orElseThrow(() -> ChatRules.notFound(RuleMessage.of("chat.thing.question")));
  }

  @Override
  public List<ChatTurn> turns(ActingCaller caller, long conversationId) {
    return conversations.turns(owned(caller, conversationId).getId());
  }

  @Override
  public Conversation rename(ActingCaller caller, long conversationId, String title) {
    if (title == null || title.isBlank()) {
      throw new ChatRules(RuleMessage.of("chat.conversation.title-missing"));
    }
    Conversation conversation = owned(caller, conversationId);
    conversation.rename(title);
    return conversation;
  }

  @Override
  public Conversation changeSources(
      ActingCaller caller, long conversationId, DocumentSources sources) {
    Conversation conversation = owned(caller, conversationId);
    conversation.scopeKnowledge(sources.encode());
    return conversation;
  }

  @Override
  public void delete(ActingCaller caller, long conversationId) {
    Conversation conversation = owned(caller, conversationId);
    int turns = conversations.turns(conversation.getId()).size();
    conversations.remove(conversation);
    // gone from the user's history; its exchanges stay in the audit trail
    audit.action(
        "conversation.deleted",
        JSON.createObjectBuilder()
            .add("conversationId", conversation.getId())
            .add("title", conversation.getTitle())
            .add("turns", turns)
            .build());
  }

  @Override
  public void clear(ActingCaller caller, long conversationId) {
    Conversation conversation = owned(caller, conversationId);
    conversations.removeTurnsFrom(conversation.getId(), 0);
    conversation.touch(Instant.now(clock));
  }

  @Override
  public void deleteTurn(ActingCaller caller, long turnId) {
    conversations.removeTurn(ownedTurn(caller, turnId));
  }

  @Override
  public ChatTurn rate(ActingCaller caller, long turnId, int rating, String comment) {
    if (rating != 1 && rating != -1) {
      throw new ChatRules(RuleMessage.of("chat.rating.invalid"));
    }
    String text = comment == null ? null : comment.strip();
    if (text != null && text.length() > ChatTurn.MAX_FEEDBACK) {
      throw new ChatRules(RuleMessage.of("chat.rating.comment-too-long", ChatTurn.MAX_FEEDBACK));
    }
    ChatTurn turn = ownedTurn(caller, turnId);
    String kept = text == null || text.isEmpty() ? null : text;
    turn.rate(rating, kept);
    audit.feedback(
        new AuditLog.RatedAnswer(
            turn.getConversationId(),
            turn.getId(),
            turn.getQuestion(),
            turn.getAnswer(),
            turn.getModelId()),
        rating,
        kept);
    return turn;
  }
}
