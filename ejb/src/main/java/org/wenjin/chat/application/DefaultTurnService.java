package org.wenjin.chat.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.audit.application.Exchange;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.domain.Citation;
import org.wenjin.chat.domain.ConversationRepository;
import org.wenjin.chat.domain.ConversationTitles;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.chat.domain.HistoryWindow;
import org.wenjin.chat.domain.StreamingAnswers;
import org.wenjin.chat.domain.SystemPrompt;
import org.wenjin.chat.domain.flow.FlowEntry;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.persistence.chat.Conversation;
import org.wenjin.persistence.chat.TurnStatus;
import org.wenjin.persistence.tenancy.TenantScope;
import org.wenjin.platform.cluster.ClusterNode;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.application.ActingCaller;

@Stateless
public class DefaultTurnService implements TurnService {

  @Inject private ConversationRepository conversations;

  @Inject private ConversationService conversationService;

  @Inject private ChatSettingsService settings;

  @Inject private KnowledgeGrounding grounding;

  @Inject private FlowService flows;

  @Inject private AuditLog audit;

  @Inject private AuditedExchanges exchanges;

  @Inject private Quotas quotas;

  @Inject private ClusterNode node;

  private final Clock clock = Clock.systemUTC();

  @Override
  public PreparedTurn ask(ActingCaller caller, Question question) {
    String text = validQuestion(question.text());
    ChatSettings tenantSettings = settings.current();
    String model = allowedModel(tenantSettings, question.modelId());
    FlowEntry flow = flows.forQuestion(question.flowId()).orElse(null);
    Instant now = Instant.now(clock);
    Conversation conversation =
        question.conversationId() == null
            ? conversations.add(
                new Conversation(
                    caller.userId(), ConversationTitles.fromQuestion(text), model, now))
            : conversationService.owned(caller, question.conversationId());
    if (question.sources() != null) {
      conversation.scopeKnowledge(question.sources().encode());
    }
    List<ChatTurn> earlier = conversations.turns(conversation.getId());
    ChatTurn turn =
        conversations.add(
            new ChatTurn(conversation.getId(), nextPosition(earlier), text, model, now));
    // a client's own history counts only where the server has none: a new conversation
    List<ChatMessage> clientHistory =
        question.conversationId() == null ? question.earlier() : List.of();
    if (flow != null) {
      turn.answerBy(flow.id(), flow.turnRevision());
    }
    return prepare(
        caller,
        tenantSettings,
        conversation,
        turn,
        earlier,
        clientHistory,
        question.options(),
        flow,
        now);
  }

  @Override
  public PreparedTurn regenerate(ActingCaller caller, long conversationId, String modelId) {
    Conversation conversation = conversationService.owned(caller, conversationId);
    List<ChatTurn> turns = conversations.turns(conversation.getId());
    if (turns.isEmpty()) {
      throw new ChatRules(RuleMessage.of("chat.turn.nothing-to-retry"));
    }
    ChatTurn last = turns.get(turns.size() - 1);
    return restart(caller, conversation, last, last.getQuestion(), modelId, turns);
  }

  @Override
  public PreparedTurn edit(ActingCaller caller, long turnId, String question, String modelId) {
    ChatTurn turn = conversationService.ownedTurn(caller, turnId);
    Conversation conversation = conversationService.owned(caller, turn.getConversationId());
    conversations.removeTurnsFrom(conversation.getId(), turn.getPosition() + 1);
    return restart(
        caller,
        conversation,
        turn,
        validQuestion(question),
        modelId,
        conversations.turns(conversation.getId()));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ChatTurn finish(PreparedTurn prepared, Answered answered) {
    if (TenantScope.current().orElse(-1L) != prepared.tenantId()) {
      return null; // only the turn's own company records its end (and its audit event)
    }
    ChatTurn turn =
        conversations.findTurn(prepared.turnId()).orElse(null); // deleted while being answered
    if (turn != null && !askedAsPrepared(turn, prepared)) {
      // asked again since (regenerated after being taken for gone): that answer is the turn's
      // now; this one happened all the same, so it is only charged and audited
      turn = null;
    }
    if (turn != null && turn.getStatus().isFinal() && !takenForGone(turn)) {
      return turn; // recorded already (stopped, then the generation ended too)
    }
    TurnStatus status =
        switch (answered.outcome().kind()) {
          case COMPLETE, TRUNCATED -> TurnStatus.COMPLETE;
          case STOPPED -> TurnStatus.STOPPED;
          case FAILED -> TurnStatus.FAILED;
        };
    if (turn != null && turn.getStopRequestedAt() != null && status == TurnStatus.COMPLETE) {
      // a stop was asked for while this node was taken for gone and missed it: the reader
      // asked for the answer to end, so it is recorded as stopped
      status = TurnStatus.STOPPED;
    }
    if (turn != null) {
      if (answered.citations() != null) {
        turn.cite(answered.citations()); // what the flow's cited search found
      }
      turn.recordFlow(answered.flowTrace());
      RuleMessage reason = answered.outcome().reason();
      turn.finish(
          status,
          answered.text(),
          reason == null ? null : reason.english(),
          reason == null ? null : reason.key(),
          reason == null ? null : reason.argsJson(),
          Instant.now(clock));
      conversations.find(turn.getConversationId()).ifPresent(c -> c.touch(Instant.now(clock)));
    }
    Exchange exchange = exchanges.of(prepared, status, answered);
    quotas.used(
        prepared.tenantId(), prepared.userId(), (long) exchange.tokensIn() + exchange.tokensOut());
    // last: the company's chain head stays locked until this transaction commits
    audit.exchange(prepared.tenantId(), exchange);
    return turn;
  }

  /**
   * Marked interrupted by another node that took this one for gone (its heartbeat lapsed): this
   * node was alive after all, and records how the answer really ended, with its audit event.
   */
  private boolean takenForGone(ChatTurn turn) {
    return turn.getStatus() == TurnStatus.INTERRUPTED
        && StreamingAnswers.NODE_GONE.equals(turn.getError())
        && node.name().equals(turn.getNode());
  }

  /**
   * Whether the turn still stands for the asking this answer was prepared for. Within a
   * millisecond: the database keeps the time to its column's precision (a new asking is seconds
   * later at the least).
   */
  private static boolean askedAsPrepared(ChatTurn turn, PreparedTurn prepared) {
    return prepared.askedAt() == null
        || Duration.between(prepared.askedAt(), turn.getAskedAt()).abs().toMillis() < 1;
  }

  private PreparedTurn restart(
      ActingCaller caller,
      Conversation conversation,
      ChatTurn turn,
      String question,
      String modelId,
      List<ChatTurn> turns) {
    if (turn.getStatus() == TurnStatus.STREAMING) {
      throw new ChatRules(RuleMessage.of("chat.turn.still-streaming"));
    }
    ChatSettings tenantSettings = settings.current();
    Instant now = Instant.now(clock);
    turn.restart(question, allowedModel(tenantSettings, modelId), now);
    List<ChatTurn> earlier =
        turns.stream().filter(t -> t.getPosition() < turn.getPosition()).toList();
    // answered again by the same flow, as the company has it now
    FlowEntry flow;
    try {
      flow = flows.forQuestion(turn.getFlowId()).orElse(null);
    } catch (ChatRules gone) {
      if (!gone.isNotFound()) {
        throw gone;
      }
      throw new ChatRules(RuleMessage.of("chat.turn.flow-withdrawn", turn.getFlowId()));
    }
    turn.answerBy(flow == null ? null : flow.id(), flow == null ? null : flow.turnRevision());
    return prepare(caller, tenantSettings, conversation, turn, earlier, List.of(), null, flow, now);
  }

  private PreparedTurn prepare(
      ActingCaller caller,
      ChatSettings tenantSettings,
      Conversation conversation,
      ChatTurn turn,
      List<ChatTurn> earlier,
      List<ChatMessage> clientHistory,
      GenerationOptions options,
      FlowEntry flow,
      Instant now) {
    conversation.useModel(turn.getModelId());
    conversation.touch(now);
    turn.writtenOn(node.name());
    conversations.flush();
    String systemPrompt =
        SystemPrompt.render(
            tenantSettings.systemPrompt(), caller.tenantName(), tenantSettings.language());
    var messages =
        clientHistory.isEmpty()
            ? HistoryWindow.messages(
                systemPrompt, earlier, tenantSettings.historyTurns(), turn.getQuestion())
            : HistoryWindow.fromClient(
                systemPrompt, clientHistory, tenantSettings.historyTurns(), turn.getQuestion());
    if (flow != null) { // its retrieve steps ground it, when they run
      turn.cite(null);
      return new PreparedTurn(
          caller.tenantId(),
          caller.userId(),
          caller.username(),
          conversation.getId(),
          turn.getId(),
          turn.getModelId(),
          new ChatRequest(messages, List.of(), GenerationOptions.defaults()),
          null,
          FlowPlan.of(
              flow.flow(),
              caller,
              tenantSettings.language(),
              systemPrompt,
              messages,
              options,
              DocumentSources.decode(conversation.getKnowledgeScope())),
          flow.turnRevision(),
          caller.apiKeyId(),
          turn.getAskedAt());
    }
    KnowledgeGrounding.Grounding grounded =
        grounding.forQuestion(
            turn.getQuestion(), DocumentSources.decode(conversation.getKnowledgeScope()));
    turn.cite(Citation.toJson(grounded.citations()));
    return new PreparedTurn(
        caller.tenantId(),
        caller.userId(),
        caller.username(),
        conversation.getId(),
        turn.getId(),
        turn.getModelId(),
        new ChatRequest(
            messages,
            grounded.passages(),
            options == null ? GenerationOptions.defaults() : options),
        turn.getCitations(),
        null,
        null,
        caller.apiKeyId(),
        turn.getAskedAt());
  }

  private static String validQuestion(String question) {
    String text = question == null ? "" : question.strip();
    if (text.isEmpty()) {
      throw new ChatRules(RuleMessage.of("chat.question.empty"));
    }
    if (text.length() > ChatTurn.MAX_QUESTION) {
      throw new ChatRules(RuleMessage.of("chat.question.too-long", ChatTurn.MAX_QUESTION));
    }
    return text;
  }

  private static String allowedModel(ChatSettings settings, String requested) {
    String model = requested == null || requested.isBlank() ? settings.defaultModel() : requested;
    if (model == null || !settings.allows(model)) {
      throw new ChatRules(RuleMessage.of("chat.model.not-offered", requested));
    }
    return model;
  }

  private static int nextPosition(List<ChatTurn> turns) {
    return turns.isEmpty() ? 0 : turns.get(turns.size() - 1).getPosition() + 1;
  }
}
