package org.wenjin.chat.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.wenjin.chat.domain.Citation;
import org.wenjin.chat.domain.SystemPrompt;
import org.wenjin.chat.domain.flow.FlowStep;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.engine.spi.Passage;
import org.wenjin.engine.spi.PassageBlock;
import org.wenjin.engine.spi.TokenEstimate;
import org.wenjin.inference.application.Generation;
import org.wenjin.inference.application.GenerationListener;
import org.wenjin.inference.application.GenerationOutcome;
import org.wenjin.inference.application.GenerationService;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.application.CallerScope;

/**
 * Runs one turn's flow, a step at a time, without holding a thread between model calls: a retrieve
 * step searches at once (in the asker's scope, also on a pool thread), a generate or for-each step
 * hands its calls to the pool one after the other and goes on when each has finished, and the
 * answer step's generation streams to the turn's {@link Target} like any answer. Stopping the turn
 * cancels whichever call is running; nothing after it starts. Every step's rendered prompt and
 * output go into the trace kept with the turn.
 */
final class FlowRun {

  /** The answer being written: where progress, the final generation and the outcome go. */
  interface Target extends GenerationListener {

    void attach(Generation generation);

    boolean isCancelled();

    void step(int number, int total, RuleMessage label);
  }

  private final FlowPlan plan;
  private final PreparedTurn turn;
  private final Target target;
  private final GenerationService generations;
  private final KnowledgeGrounding grounding;
  private final Map<String, Object> values;
  private final List<FlowStep> steps;
  private final FlowTrace trace = new FlowTrace();
  private final Map<String, KnowledgeGrounding.Grounding> found = new HashMap<>();
  private final Executor continuation;
  private int promptTokens;
  private int stepPieces;

  /** The number of the latest model call; only it may become the turn's running generation. */
  private int calls;

  /**
   * @param continuation where the next step starts after a model call: never the pool thread that
   *     finished the call, which would hold up the job waiting for that slot (a search takes a
   *     while)
   */
  FlowRun(
      PreparedTurn turn,
      Target target,
      GenerationService generations,
      KnowledgeGrounding grounding,
      Executor continuation) {
    this.continuation = continuation;
    this.plan = turn.flow();
    this.turn = turn;
    this.target = target;
    this.generations = generations;
    this.grounding = grounding;
    this.values = new HashMap<>(plan.globals());
    this.steps = plan.flow().steps();
  }

  void start() {
    next(0);
  }

  synchronized int promptTokens() {
    return promptTokens;
  }

  /** What the steps before the answer wrote, counted like the answer's pieces. */
  synchronized int stepPieces() {
    return stepPieces;
  }

  String traceJson() {
    return trace.json();
  }

  /** The passages the answer cites, numbered as its retrieve step found them. */
  synchronized String citationsJson() {
    String cite = plan.flow().answer().cite();
    KnowledgeGrounding.Grounding cited = cite == null ? null : found.get(cite);
    return cited == null ? null : Citation.toJson(cited.citations());
  }

  private void next(int index) {
    if (target.isCancelled()) {
      target.finished(GenerationOutcome.of(GenerationOutcome.Kind.STOPPED));
      return;
    }
    FlowStep step = steps.get(index);
    try {
      switch (step) {
        case FlowStep.Retrieve r -> {
          progress(index, RuleMessage.of("flow.progress.searching"));
          retrieve(r);
          next(index + 1);
        }
        case FlowStep.Generate g -> {
          progress(index, RuleMessage.of("flow.progress.writing", g.id()));
          call(
              g.id(),
              g.call(),
              values,
              output -> {
                record(g.id(), Map.of("text", output, "lines", FlowValues.lines(output)));
                next(index + 1);
              });
        }
        case FlowStep.ForEach f -> loop(index, f, items(f), 0, new ArrayList<>());
        case FlowStep.Answer a -> {
          progress(index, RuleMessage.of("flow.progress.answering"));
          answer(a);
        }
      }
    } catch (RuntimeException e) { // a template that cannot be filled in (FlowRules), a full pool
      fail(step.id(), RuleMessage.from(e));
    }
  }

  private void retrieve(FlowStep.Retrieve r) {
    String query = r.query().render(values).strip();
    KnowledgeGrounding.Grounding result;
    List<String> collections =
        FlowValues.collections(r.collections(), plan.sources().collections());
    if (!plan.sources().enabled() || collections == null) {
      // the user answers without documents, or none of the step's collections is chosen
      result = new KnowledgeGrounding.Grounding(List.of(), List.of());
    } else {
      try {
        result =
            CallerScope.call(plan.caller(), () -> grounding.forQuery(query, collections, r.k()));
      } catch (Exception e) {
        throw new FlowStepFailure(
            RuleMessage.of("flow.step.search-failed", RuleMessage.from(e)), e);
      }
    }
    List<Map<String, Object>> passages = new ArrayList<>();
    for (Passage p : result.passages()) {
      passages.add(FlowValues.passage(p));
    }
    synchronized (this) {
      found.put(r.id(), result);
    }
    trace.searched(r.id(), query, passages.size());
    record(
        r.id(),
        Map.of(
            "passages",
            passages,
            "block",
            result.passages().isEmpty() ? "" : PassageBlock.of(result.passages()),
            "count",
            passages.size()));
  }

  private void loop(
      int index, FlowStep.ForEach f, List<Map<String, Object>> items, int i, List<Object> done) {
    if (i == items.size()) {
      List<String> texts = done.stream().map(o -> (String) ((Map<?, ?>) o).get("text")).toList();
      record(f.id(), Map.of("items", done, "text", String.join("\n\n", texts)));
      next(index + 1);
      return;
    }
    if (target.isCancelled()) {
      target.finished(GenerationOutcome.of(GenerationOutcome.Kind.STOPPED));
      return;
    }
    progress(index, RuleMessage.of("flow.progress.item", f.id(), i + 1, items.size()));
    Map<String, Object> scope = new HashMap<>(values);
    Map<String, Object> item = items.get(i);
    scope.put("item", item);
    scope.put("index", i + 1);
    scope.put("count", items.size());
    try {
      call(
          f.id() + "[" + (i + 1) + "]",
          f.call(),
          scope,
          output -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("index", i + 1);
            if (item.containsKey("n")) {
              result.put("n", item.get("n"));
            }
            if (!f.overPassages()) {
              result.put("line", item.get("text"));
            }
            result.put("text", output);
            List<Object> next = new ArrayList<>(done);
            next.add(result);
            loop(index, f, items, i + 1, next);
          });
    } catch (RuntimeException e) { // a template that cannot be filled in (FlowRules), a full pool
      fail(f.id(), RuleMessage.from(e));
    }
  }

  /** One model call of a generate or for-each step; {@code then} gets its output. */
  private void call(
      String name, FlowStep.Prompt call, Map<String, Object> scope, Consumer<String> then) {
    String prompt = call.prompt().render(scope);
    String system =
        call.system() == null
            ? plan.systemPrompt()
            : SystemPrompt.withDataRule(call.system().render(scope));
    List<ChatMessage> messages = List.of(ChatMessage.system(system), ChatMessage.user(prompt));
    addTokens(messages);
    int number = nextCall();
    StepListener listener = new StepListener(name, prompt, then);
    Generation generation =
        generations.submit(
            model(call),
            turn.tenantId(),
            turn.userId(),
            new ChatRequest(
                messages, List.of(), FlowValues.options(call, GenerationOptions.defaults())),
            listener);
    attach(number, generation);
  }

  private synchronized int nextCall() {
    return ++calls;
  }

  /**
   * Makes a call the turn's running generation unless a later one started meanwhile (the call
   * finished before {@code submit} returned, and the next step is already running): Stop must
   * cancel what runs now, not a call that has ended.
   */
  private void attach(int number, Generation generation) {
    synchronized (this) {
      if (number != calls) {
        return;
      }
    }
    target.attach(generation);
  }

  /** The answer: the conversation as prepared, its last message the step's rendered prompt. */
  private void answer(FlowStep.Answer a) {
    String prompt = a.call().prompt().render(values);
    List<ChatMessage> messages = new ArrayList<>(turn.request().messages());
    messages.set(messages.size() - 1, ChatMessage.user(prompt));
    if (a.call().system() != null) {
      messages.set(
          0, ChatMessage.system(SystemPrompt.withDataRule(a.call().system().render(values))));
    }
    addTokens(messages);
    trace.answering(a.id(), prompt);
    int number = nextCall();
    attach(
        number,
        generations.submit(
            model(a.call()),
            turn.tenantId(),
            turn.userId(),
            new ChatRequest(
                messages, List.of(), FlowValues.options(a.call(), plan.answerOptions())),
            target));
  }

  private String model(FlowStep.Prompt call) {
    return call.model() == null ? turn.modelId() : call.model();
  }

  private List<Map<String, Object>> items(FlowStep.ForEach f) {
    Map<?, ?> source = (Map<?, ?>) values.get(f.source());
    List<?> all = (List<?>) source.get(f.overPassages() ? "passages" : "lines");
    List<Map<String, Object>> items = new ArrayList<>();
    for (Object o : all.subList(0, Math.min(all.size(), f.max()))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) o;
      items.add(item);
    }
    return items;
  }

  private synchronized void record(String id, Map<String, Object> output) {
    values.put(id, output);
  }

  private synchronized void addTokens(List<ChatMessage> messages) {
    promptTokens += TokenEstimate.of(messages);
  }

  private void progress(int index, RuleMessage label) {
    target.step(index + 1, steps.size(), label);
  }

  private void fail(String step, RuleMessage why) {
    target.finished(GenerationOutcome.failed(RuleMessage.of("flow.step.failed", step, why)));
  }

  /** Collects one intermediate call's text; a stop or a failure ends the whole answer. */
  private final class StepListener implements GenerationListener {
    private final String name;
    private final String prompt;
    private final Consumer<String> then;
    private final StringBuilder text = new StringBuilder();

    StepListener(String name, String prompt, Consumer<String> then) {
      this.name = name;
      this.prompt = prompt;
      this.then = then;
    }

    @Override
    public void queued(int position) {
      target.queued(position);
    }

    @Override
    public void text(String piece) {
      synchronized (this) {
        text.append(piece);
      }
      synchronized (FlowRun.this) {
        stepPieces++;
      }
    }

    @Override
    public void finished(GenerationOutcome outcome) {
      String output;
      synchronized (this) {
        output = text.toString().strip();
      }
      trace.called(name, prompt, output, outcome.kind());
      switch (outcome.kind()) {
        case COMPLETE, TRUNCATED -> continuation.execute(() -> then.accept(output));
        case STOPPED -> target.finished(outcome);
        case FAILED -> fail(name, outcome.reason());
      }
    }
  }

  /** A step that cannot go on, with the reason in words for the asker. */
  private static final class FlowStepFailure extends RuntimeException implements Explained {
    private final RuleMessage explanation;

    FlowStepFailure(RuleMessage explanation, Throwable cause) {
      super(explanation.english(), cause);
      this.explanation = explanation;
    }

    @Override
    public RuleMessage explanation() {
      return explanation;
    }
  }
}
