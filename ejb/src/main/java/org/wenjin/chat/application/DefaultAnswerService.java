package org.wenjin.chat.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.interfaces.AnswerListener;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.tenancy.application.ActingCaller;

/**
 * Runs outside a transaction: each step commits on its own (saving the question, stopping an
 * answer, which saves it, and changing the conversation), so no step works on a stale copy of what
 * an earlier one wrote and an answer is never lost with a half-written conversation.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultAnswerService implements AnswerService {

  @Inject private TurnService turns;

  @Inject private ConversationService conversations;

  @Inject private AnswerStreams streams;

  @Inject private TurnDtos dtos;

  @Inject private Quotas quotas;

  @Override
  public TurnDto ask(ActingCaller caller, Question question, AnswerListener listener) {
    return admitted(caller, () -> turns.ask(caller, question), listener);
  }

  @Override
  public TurnDto regenerate(
      ActingCaller caller, long conversationId, String modelId, AnswerListener listener) {
    return admitted(caller, () -> turns.regenerate(caller, conversationId, modelId), listener);
  }

  @Override
  public TurnDto edit(
      ActingCaller caller, long turnId, String question, String modelId, AnswerListener listener) {
    return admitted(
        caller,
        () -> {
          streams.stopConversation(conversations.ownedTurn(caller, turnId).getConversationId());
          return turns.edit(caller, turnId, question, modelId);
        },
        listener);
  }

  @Override
  public void stop(ActingCaller caller, long turnId) {
    streams.stop(conversations.ownedTurn(caller, turnId).getId());
  }

  @Override
  public void deleteConversation(ActingCaller caller, long conversationId) {
    streams.stopConversation(conversations.owned(caller, conversationId).getId());
    conversations.delete(caller, conversationId);
  }

  @Override
  public void clearConversation(ActingCaller caller, long conversationId) {
    streams.stopConversation(conversations.owned(caller, conversationId).getId());
    conversations.clear(caller, conversationId);
  }

  @Override
  public void deleteTurn(ActingCaller caller, long turnId) {
    streams.stop(conversations.ownedTurn(caller, turnId).getId());
    conversations.deleteTurn(caller, turnId);
  }

  /** Admitted by the quotas, prepared, streamed; a question refused while preparing costs none. */
  private TurnDto admitted(
      ActingCaller caller, Supplier<PreparedTurn> prepare, AnswerListener listener) {
    quotas.admit(caller);
    PreparedTurn prepared;
    try {
      prepared = prepare.get();
    } catch (ChatRules refused) { // the question was not taken; an outage still counts
      try {
        quotas.refund(caller);
      } catch (RuntimeException r) {
        refused.addSuppressed(r);
      }
      throw refused;
    }
    return stream(prepared, listener);
  }

  private TurnDto stream(PreparedTurn prepared, AnswerListener listener) {
    TurnDto streaming = dtos.streaming(prepared);
    streams.start(prepared, listener);
    return streaming;
  }
}
