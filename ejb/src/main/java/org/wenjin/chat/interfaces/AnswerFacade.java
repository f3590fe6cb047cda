package org.wenjin.chat.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import org.wenjin.chat.application.AnswerService;
import org.wenjin.chat.application.ChatSettingsService;
import org.wenjin.chat.application.FlowService;
import org.wenjin.chat.application.Question;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.chat.domain.flow.FlowEntry;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.interfaces.TenantScoped;

/**
 * Asking and answering for the signed-in user (chat view, REST, SSE): the models they may choose,
 * questions answered as streams, stopping an answer. The use case is {@link AnswerService}'s; the
 * caller and tenant come from {@link TenantScoped}.
 */
@Stateless
@RolesAllowed(Roles.USER)
@Interceptors(TenantScoped.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // see DefaultAnswerService
public class AnswerFacade {

  @Inject private AnswerService answers;

  @Inject private ChatSettingsService settings;

  @Inject private FlowService flows;

  /** The models the caller's company offers, its preselected one marked. */
  public List<ModelDto> models() {
    var current = settings.current();
    return current.models().stream().map(m -> ModelDto.of(m, current.defaultModel())).toList();
  }

  /** Asks a question (in a new conversation when {@code conversationId} is null). */
  public TurnDto ask(
      Long conversationId, String question, String modelId, AnswerListener listener) {
    return ask(conversationId, question, modelId, null, listener);
  }

  /**
   * Asks a question grounded on {@code sources} (null: the conversation's choice, all documents for
   * a new conversation); the choice stays with the conversation.
   */
  public TurnDto ask(
      Long conversationId,
      String question,
      String modelId,
      DocumentSources sources,
      AnswerListener listener) {
    return answers.ask(
        CallerScope.current(), new Question(conversationId, question, modelId, sources), listener);
  }

  /**
   * Asks as a client that keeps its own history and sampling limits does (the OpenAI-compatible
   * API): {@code earlier} counts for a new conversation only; {@code options} null: the defaults;
   * {@code flowId} null: the standard grounded answer.
   */
  public TurnDto ask(
      Long conversationId,
      String question,
      String modelId,
      String flowId,
      List<ClientMessage> earlier,
      SamplingOptions options,
      AnswerListener listener) {
    return answers.ask(
        CallerScope.current(),
        new Question(
            conversationId,
            question,
            modelId,
            null,
            earlier.stream().map(AnswerFacade::message).toList(),
            options == null ? null : generation(options),
            flowId),
        listener);
  }

  /** The flows the caller's company offers, the standard one first. */
  public List<FlowDto> flows() {
    return flows.offered().stream()
        .map(
            e ->
                new FlowDto(
                    e.flow().id(),
                    e.flow().name(),
                    e.flow().description(),
                    e.flow().modelCalls(),
                    e.origin() == FlowEntry.Origin.BUILT_IN))
        .toList();
  }

  private static ChatMessage message(ClientMessage m) {
    return new ChatMessage(ChatMessage.Role.valueOf(m.role().name()), m.content());
  }

  private static GenerationOptions generation(SamplingOptions o) {
    GenerationOptions defaults = GenerationOptions.defaults();
    return new GenerationOptions(
        o.maxTokens() == null ? defaults.maxTokens() : o.maxTokens(),
        o.temperature() == null ? defaults.temperature() : o.temperature(),
        o.topP() == null ? defaults.topP() : o.topP(),
        o.stop());
  }

  /** Asks like {@link #ask(Long, String, String, DocumentSources, AnswerListener)}, by a flow. */
  public TurnDto ask(
      Long conversationId,
      String question,
      String modelId,
      DocumentSources sources,
      String flowId,
      AnswerListener listener) {
    return answers.ask(
        CallerScope.current(),
        new Question(conversationId, question, modelId, sources, List.of(), null, flowId),
        listener);
  }

  public TurnDto regenerate(long conversationId, String modelId, AnswerListener listener) {
    return answers.regenerate(CallerScope.current(), conversationId, modelId, listener);
  }

  public TurnDto edit(long turnId, String question, String modelId, AnswerListener listener) {
    return answers.edit(CallerScope.current(), turnId, question, modelId, listener);
  }

  /** Stops an answer; what was generated so far is kept, marked as stopped. */
  public void stop(long turnId) {
    answers.stop(CallerScope.current(), turnId);
  }
}
