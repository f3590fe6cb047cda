package org.wenjin.chat.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import java.util.Optional;
import org.wenjin.chat.application.AnswerService;
import org.wenjin.chat.application.ConversationService;
import org.wenjin.chat.application.TurnDtos;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.interfaces.TenantScoped;

/**
 * The signed-in user's conversation history: list, read, rename, choose documents, rate, clear and
 * delete. Ids from the client are only ever looked up inside the caller's tenant and checked
 * against the owner; another user's id reads as one that does not exist.
 */
@Stateless
@RolesAllowed(Roles.USER)
@Interceptors(TenantScoped.class)
public class ConversationFacade {

  @Inject private ConversationService conversations;

  @Inject private AnswerService answers;

  @Inject private TurnDtos dtos;

  /**
   * The caller's conversations, newest first; {@code text} filters by title, question or answer.
   */
  public List<ConversationDto> conversations(String text) {
    return conversations.list(CallerScope.current(), text).stream()
        .map(ConversationDto::of)
        .toList();
  }

  /** One page (from 0) of {@link #conversations(String)}, {@code size} at most, for the API. */
  public List<ConversationDto> conversations(String text, int page, int size) {
    return conversations.list(CallerScope.current(), text, offset(page, size), size).stream()
        .map(ConversationDto::of)
        .toList();
  }

  public ConversationDto conversation(long conversationId) {
    return ConversationDto.of(conversations.owned(CallerScope.current(), conversationId));
  }

  /** Like {@link #conversation}, but empty where that one says "does not exist or is not yours". */
  public Optional<ConversationDto> find(long conversationId) {
    return conversations.find(CallerScope.current(), conversationId).map(ConversationDto::of);
  }

  public List<TurnDto> turns(long conversationId) {
    return conversations.turns(CallerScope.current(), conversationId).stream()
        .map(dtos::of)
        .toList();
  }

  public ConversationDto rename(long conversationId, String title) {
    return ConversationDto.of(conversations.rename(CallerScope.current(), conversationId, title));
  }

  /** Which documents ground the conversation's next answers. */
  public ConversationDto changeSources(long conversationId, DocumentSources sources) {
    return ConversationDto.of(
        conversations.changeSources(CallerScope.current(), conversationId, sources));
  }

  public TurnDto rate(long turnId, int rating, String comment) {
    return dtos.of(conversations.rate(CallerScope.current(), turnId, rating, comment));
  }

  // the three below stop an answer first, which commits on its own: see DefaultAnswerService

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void delete(long conversationId) {
    answers.deleteConversation(CallerScope.current(), conversationId);
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void clear(long conversationId) {
    answers.clearConversation(CallerScope.current(), conversationId);
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void deleteTurn(long turnId) {
    answers.deleteTurn(CallerScope.current(), turnId);
  }

  /** A page far beyond the last one is empty, not an overflow into a negative offset. */
  private static int offset(int page, int size) {
    return (int) Math.min((long) page * size, Integer.MAX_VALUE);
  }
}
