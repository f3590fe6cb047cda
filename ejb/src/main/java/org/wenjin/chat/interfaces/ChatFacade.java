package org.wenjin.chat.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Instant;
import java.util.List;
import org.wenjin.chat.application.AnswerStreams;
import org.wenjin.chat.application.ChatService;
import org.wenjin.chat.application.ChatSettings;
import org.wenjin.chat.application.ChatSettingsService;
import org.wenjin.chat.application.ConversationService;
import org.wenjin.chat.application.PreparedTurn;
import org.wenjin.chat.domain.Citation;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.inference.application.ModelCatalog;
import org.wenjin.inference.application.RegisteredModel;
import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.interfaces.TenantScoped;

/**
 * Chat for the signed-in user: their conversations and answers streamed from the pool. The tenant
 * and the user come from {@link TenantScoped}; ids from the client are only ever looked up inside
 * that tenant and checked against the owner.
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.TENANT_ADMIN})
@Interceptors(TenantScoped.class)
public class ChatFacade {

  @Inject private ConversationService conversations;

  @Inject private ChatService chat;

  @Inject private ChatSettingsService settings;

  @Inject private AnswerStreams streams;

  @Inject private ModelCatalog catalog;

  public List<ModelDto> models() {
    var current = settings.current();
    return current.models().stream()
        .map(m -> new ModelDto(m.id(), m.label(), m.id().equals(current.defaultModel())))
        .toList();
  }

  @RolesAllowed(Roles.TENANT_ADMIN)
  public ModelSettingsDto modelSettings() {
    return toDto(settings.current());
  }

  /** Changes which models the company offers; see {@link ChatSettingsService#change}. */
  @RolesAllowed(Roles.TENANT_ADMIN)
  public ModelSettingsDto changeModelSettings(
      List<String> offered, String preselected, int historyTurns) {
    return toDto(settings.change(offered, preselected, historyTurns));
  }

  private ModelSettingsDto toDto(ChatSettings current) {
    return new ModelSettingsDto(
        catalog.models().stream()
            .map(m -> new ModelDto(m.id(), m.label(), m.id().equals(current.defaultModel())))
            .toList(),
        current.models().stream().map(RegisteredModel::id).toList(),
        current.defaultModel(),
        current.historyTurns());
  }

  /**
   * The caller's conversations, newest first; {@code text} filters by title, question or answer.
   */
  public List<ConversationDto> conversations(String text) {
    return conversations.list(CallerScope.current(), text).stream()
        .map(ConversationDto::of)
        .toList();
  }

  public ConversationDto conversation(long conversationId) {
    return ConversationDto.of(conversations.owned(CallerScope.current(), conversationId));
  }

  public List<TurnDto> turns(long conversationId) {
    return conversations.turns(CallerScope.current(), conversationId).stream()
        .map(this::toDto)
        .toList();
  }

  public ConversationDto rename(long conversationId, String title) {
    return ConversationDto.of(conversations.rename(CallerScope.current(), conversationId, title));
  }

  // each step commits on its own: stopping an answer saves it (in its own transaction), which
  // would make this transaction's copy of the conversation stale
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void delete(long conversationId) {
    conversations.owned(CallerScope.current(), conversationId);
    streams.stopConversation(conversationId);
    conversations.delete(CallerScope.current(), conversationId);
  }

  // each step commits on its own: stopping an answer saves it (in its own transaction), which
  // would make this transaction's copy of the conversation stale
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void clear(long conversationId) {
    conversations.owned(CallerScope.current(), conversationId);
    streams.stopConversation(conversationId);
    conversations.clear(CallerScope.current(), conversationId);
  }

  // each step commits on its own: stopping an answer saves it (in its own transaction), which
  // would make this transaction's copy of the conversation stale
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void deleteTurn(long turnId) {
    var turn = conversations.ownedTurn(CallerScope.current(), turnId);
    streams.stop(turn.getId());
    conversations.deleteTurn(CallerScope.current(), turnId);
  }

  public TurnDto rate(long turnId, int rating, String comment) {
    return toDto(conversations.rate(CallerScope.current(), turnId, rating, comment));
  }

  /** Asks a question (in a new conversation when {@code conversationId} is null). */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TurnDto ask(
      Long conversationId, String question, String modelId, AnswerListener listener) {
    return ask(conversationId, question, modelId, null, listener);
  }

  /**
   * Asks a question grounded on {@code sources} (null: the conversation's choice, all documents for
   * a new conversation); the choice stays with the conversation.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TurnDto ask(
      Long conversationId,
      String question,
      String modelId,
      DocumentSources sources,
      AnswerListener listener) {
    return stream(
        chat.ask(CallerScope.current(), conversationId, question, modelId, sources), listener);
  }

  /** Which documents ground the conversation's next answers. */
  public ConversationDto changeSources(long conversationId, DocumentSources sources) {
    return ConversationDto.of(
        conversations.changeSources(CallerScope.current(), conversationId, sources));
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TurnDto regenerate(long conversationId, String modelId, AnswerListener listener) {
    return stream(chat.regenerate(CallerScope.current(), conversationId, modelId), listener);
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TurnDto edit(long turnId, String question, String modelId, AnswerListener listener) {
    var turn = conversations.ownedTurn(CallerScope.current(), turnId);
    streams.stopConversation(turn.getConversationId());
    return stream(chat.edit(CallerScope.current(), turnId, question, modelId), listener);
  }

  /** Stops an answer; what was generated so far is kept, marked as stopped. */
  public void stop(long turnId) {
    streams.stop(conversations.ownedTurn(CallerScope.current(), turnId).getId());
  }

  private TurnDto stream(PreparedTurn prepared, AnswerListener listener) {
    TurnDto streaming =
        new TurnDto(
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
            Citation.fromJson(prepared.citations()));
    streams.start(
        prepared,
        new AnswerStreams.Watcher() {
          @Override
          public void queued(int position) {
            listener.queued(position);
          }

          @Override
          public void started() {
            listener.started();
          }

          @Override
          public void text(String piece) {
            listener.text(piece);
          }

          @Override
          public void finished(ChatTurn turn) {
            listener.finished(toDto(turn));
          }
        });
    return streaming;
  }

  private TurnDto toDto(ChatTurn t) {
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
        Citation.fromJson(t.getCitations()));
  }

  private String label(String modelId) {
    return modelId == null
        ? ""
        : catalog.find(modelId).map(RegisteredModel::label).orElse(modelId + " (removed)");
  }
}
