package org.wenjin.chat.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.domain.Citation;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.chat.domain.SystemPrompt;
import org.wenjin.chat.domain.flow.FlowDefinition;
import org.wenjin.chat.domain.flow.FlowRules;
import org.wenjin.chat.domain.flow.FlowSource;
import org.wenjin.chat.interfaces.DryRunDto;
import org.wenjin.chat.interfaces.DryRunListener;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.inference.application.Generation;
import org.wenjin.inference.application.GenerationOutcome;
import org.wenjin.inference.application.GenerationService;
import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;

/**
 * Runs a flow an admin is editing on a sample question, as a new conversation of theirs would run
 * it (their documents, the company's system prompt, the same pool), and saves nothing but what it
 * cost: an admin sees each step's prompt and output before offering the flow to anyone.
 */
@ApplicationScoped
public class FlowDryRuns {

  private static final Logger LOG = Logger.getLogger(FlowDryRuns.class.getName());

  @Inject private GenerationService generations;

  @Inject private KnowledgeGrounding grounding;

  @Inject private DryRunCosts costs;

  @Inject private FlowService flows;

  @Inject private ChatSettingsService settings;

  @Inject private Quotas quotas;

  @Resource private ManagedExecutorService continuations;

  /**
   * Checks the flow in {@code text} (saved or not) and the question, is admitted by the quotas,
   * notes in the audit that it runs, and starts it with {@code modelId} (null: the company's
   * preselected model); {@code listener} hears it from pool threads.
   *
   * @return stops the run (what ran so far is reported as stopped)
   * @throws FlowRules when the text is no runnable flow
   * @throws ChatRules for no question or a model the company does not offer
   * @throws org.wenjin.chat.domain.QuotaExceeded when a quota is used up
   */
  public Runnable start(
      ActingCaller caller, String text, String question, String modelId, DryRunListener listener) {
    List<RuleMessage> problems = flows.problems(text);
    if (!problems.isEmpty()) {
      throw new FlowRules(problems);
    }
    FlowDefinition flow = FlowSource.parse(text);
    String asked = question == null ? "" : question.strip();
    if (asked.isEmpty()) {
      throw new ChatRules(RuleMessage.of("chat.dry-run.question-missing"));
    }
    if (asked.length() > ChatTurn.MAX_QUESTION) {
      throw new ChatRules(RuleMessage.of("chat.dry-run.question-too-long", ChatTurn.MAX_QUESTION));
    }
    ChatSettings current = settings.current();
    String model = modelId == null || modelId.isBlank() ? current.defaultModel() : modelId;
    if (model == null || !current.allows(model)) {
      throw new ChatRules(RuleMessage.of("chat.model.not-offered", modelId));
    }
    quotas.admit(caller);
    try {
      costs.note(flow.id(), model, asked);
      return run(caller, current, flow, asked, model, listener);
    } catch (RuntimeException e) {
      quotas.refund(caller);
      throw e;
    }
  }

  private Runnable run(
      ActingCaller caller,
      ChatSettings settings,
      FlowDefinition flow,
      String question,
      String modelId,
      DryRunListener listener) {
    String system =
        SystemPrompt.render(settings.systemPrompt(), caller.tenantName(), settings.language());
    List<ChatMessage> messages = List.of(ChatMessage.system(system), ChatMessage.user(question));
    PreparedTurn turn =
        new PreparedTurn(
            caller.tenantId(),
            caller.userId(),
            caller.username(),
            0,
            0,
            modelId,
            new ChatRequest(messages, List.of(), GenerationOptions.defaults()),
            null,
            FlowPlan.of(
                flow, caller, settings.language(), system, messages, null, DocumentSources.ALL));
    Run run = new Run(turn, flow.id(), listener);
    run.flow = new FlowRun(turn, run, generations, grounding, continuations);
    run.flow.start();
    return run::cancel;
  }

  private final class Run implements FlowRun.Target {
    private final PreparedTurn turn;
    private final String flowId;
    private final DryRunListener listener;
    private final StringBuilder text = new StringBuilder();
    private FlowRun flow;
    private final CurrentGeneration current = new CurrentGeneration();
    private boolean ended;
    private int pieces;

    Run(PreparedTurn turn, String flowId, DryRunListener listener) {
      this.turn = turn;
      this.flowId = flowId;
      this.listener = listener;
    }

    @Override
    public void attach(Generation generation) {
      current.attach(generation);
    }

    @Override
    public boolean isCancelled() {
      return current.isCancelled();
    }

    void cancel() {
      current.cancel();
    }

    @Override
    public void step(int number, int total, RuleMessage label) {
      tell(() -> listener.step(number, total, label));
    }

    @Override
    public void text(String piece) {
      synchronized (this) {
        text.append(piece);
        pieces++;
      }
      tell(() -> listener.text(piece));
    }

    @Override
    public void finished(GenerationOutcome outcome) {
      DryRunDto result;
      synchronized (this) {
        if (ended) {
          return; // stopped, then the generation ended too
        }
        ended = true;
        String citations = flow.citationsJson();
        result =
            new DryRunDto(
                flowId,
                switch (outcome.kind()) {
                  case COMPLETE, TRUNCATED -> "COMPLETE";
                  case STOPPED -> "STOPPED";
                  case FAILED -> "FAILED";
                },
                outcome.reason(),
                text.toString(),
                flow.traceJson(),
                citations == null ? List.of() : Citation.fromJson(citations),
                flow.promptTokens(),
                pieces + flow.stepPieces());
      }
      try {
        CallerScope.call(
            turn.flow().caller(),
            () -> {
              costs.charge(
                  turn.tenantId(), turn.userId(), (long) result.promptTokens() + result.pieces());
              return null;
            });
      } catch (Exception e) { // never into the pool's thread
        LOG.log(Level.WARNING, "A dry run's tokens could not be counted", e);
      }
      tell(() -> listener.finished(result));
    }

    private void tell(Runnable event) {
      try {
        event.run();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "A dry run's listener went away", e);
      }
    }
  }
}
