package org.wenjin.chat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.wenjin.chat.domain.Citation;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.chat.domain.flow.BuiltInFlows;
import org.wenjin.chat.domain.flow.FlowDefinition;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.engine.spi.Passage;
import org.wenjin.inference.application.Generation;
import org.wenjin.inference.application.GenerationListener;
import org.wenjin.inference.application.GenerationOutcome;
import org.wenjin.inference.application.GenerationService;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;

/**
 * The flow runner with a scripted pool and search: which prompts each step sends, in which order,
 * what the answer step sees, and that a stop in the middle ends the flow there.
 */
class FlowRunTest {

  private static final ActingCaller ALICE =
      new ActingCaller(7, "Acme", 3, "alice", Set.of(), List.of("engineering"));

  /** Answers every call at once with {@code reply(request)}, or holds it when told to. */
  private static final class ScriptedPool implements GenerationService {
    final List<ChatRequest> sent = new ArrayList<>();
    final List<String> models = new ArrayList<>();
    Function<ChatRequest, String> reply = r -> "ok";
    boolean hold;
    GenerationListener held;

    @Override
    public Generation submit(
        String modelId,
        long tenantId,
        long userId,
        ChatRequest request,
        GenerationListener listener) {
      sent.add(request);
      models.add(modelId);
      if (hold) {
        held = listener;
        return () -> listener.finished(GenerationOutcome.of(GenerationOutcome.Kind.STOPPED));
      }
      listener.text(reply.apply(request));
      listener.finished(GenerationOutcome.of(GenerationOutcome.Kind.COMPLETE));
      return () -> {};
    }

    @Override
    public List<LaneStats> stats() {
      return List.of();
    }

    String prompt(int call) {
      List<ChatMessage> messages = sent.get(call).messages();
      return messages.get(messages.size() - 1).content();
    }
  }

  /** What the turn's stream saw. */
  private static final class Turn implements FlowRun.Target {
    final List<String> steps = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    GenerationOutcome outcome;
    Generation current;
    boolean cancelled;
    String searchedAs;

    @Override
    public void attach(Generation generation) {
      current = generation;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public void step(int number, int total, RuleMessage label) {
      steps.add(number + "/" + total + " " + label.english());
    }

    @Override
    public void text(String piece) {
      text.append(piece);
    }

    @Override
    public void finished(GenerationOutcome outcome) {
      this.outcome = outcome;
    }

    void stop() {
      cancelled = true;
      current.cancel();
    }
  }

  private final ScriptedPool pool = new ScriptedPool();
  private DocumentSources sources = DocumentSources.ALL;
  private final Turn turn = new Turn();

  private final KnowledgeGrounding search =
      new KnowledgeGrounding() {
        @Override
        public Grounding forQuery(String query, List<String> collections, Integer count) {
          turn.searchedAs = CallerScope.current().username() + ": " + query + " k=" + count;
          List<Passage> passages = new ArrayList<>();
          List<Citation> citations = new ArrayList<>();
          for (int n = 1; n <= 3; n++) {
            passages.add(new Passage(n, "Doc " + n, "doc" + n + ".md", "passage text " + n));
            citations.add(new Citation(n, 100 + n, 0, "Doc " + n, "doc" + n + ".md", null));
          }
          return new Grounding(passages, citations);
        }
      };

  private FlowRun run(String flowId, String question) {
    FlowDefinition flow = BuiltInFlows.find(flowId).orElseThrow();
    List<ChatMessage> messages =
        List.of(
            ChatMessage.system("company rules"),
            ChatMessage.user("earlier question"),
            ChatMessage.assistant("earlier answer"),
            ChatMessage.user(question));
    PreparedTurn prepared =
        new PreparedTurn(
            7,
            3,
            "alice",
            11,
            12,
            "conversation-model",
            new ChatRequest(messages, List.of(), GenerationOptions.defaults()),
            null,
            new FlowPlan(
                flow,
                ALICE,
                Map.of(
                    "question", question,
                    "history", "User: earlier question\nAssistant: earlier answer",
                    "company", "Acme",
                    "language", "the language of the question"),
                "company rules",
                new GenerationOptions(300, 0.5, 0.9, List.of()),
                sources));
    FlowRun run = new FlowRun(prepared, turn, pool, search, Runnable::run);
    run.start();
    return run;
  }

  @Test
  void summariseThenAnswerReadsEachPassageThenAnswersFromTheNotes() {
    pool.reply = r -> r.messages().get(1).content().contains("note what") ? "note" : "the answer";

    FlowRun run = run("knowledge-notes", "年假有几天？");

    assertThat(turn.searchedAs).isEqualTo("alice: 年假有几天？ k=4");
    assertThat(pool.sent).hasSize(4); // three passages found (of at most four), then the answer
    for (int i = 0; i < 3; i++) {
      assertThat(pool.prompt(i))
          .contains("passage text " + (i + 1))
          .doesNotContain("passage text " + (i + 2))
          .contains("年假有几天？");
      assertThat(pool.sent.get(i).options().maxTokens()).isEqualTo(200);
      assertThat(pool.sent.get(i).messages().get(0).content()).isEqualTo("company rules");
    }
    String answerPrompt = pool.prompt(3);
    assertThat(answerPrompt).contains("[1] note\n[2] note\n[3] note").contains("年假有几天？");
    // the answer keeps the conversation; the client's sampling applies to it
    assertThat(pool.sent.get(3).messages()).hasSize(4);
    assertThat(pool.sent.get(3).options().maxTokens()).isEqualTo(300);
    assertThat(pool.models).containsOnly("conversation-model");
    assertThat(turn.text).hasToString("the answer");
    assertThat(turn.steps)
        .containsExactly(
            "1/3 searching the documents",
            "2/3 \u201cnotes\u201d 1 of 3",
            "2/3 \u201cnotes\u201d 2 of 3",
            "2/3 \u201cnotes\u201d 3 of 3",
            "3/3 writing the answer");
    assertThat(Citation.fromJson(run.citationsJson()))
        .extracting(Citation::documentId)
        .containsExactly(101L, 102L, 103L);
    assertThat(run.traceJson())
        .contains("\"step\":\"search\"", "\"step\":\"notes[2]\"", "\"output\":\"note\"");
    assertThat(run.promptTokens()).isPositive();
  }

  @Test
  void rewriteThenSearchSearchesWithTheRewrittenQuery() {
    pool.reply =
        r ->
            r.messages().get(1).content().startsWith("The conversation")
                ? "leave days part-time"
                : "a";

    run("rewrite-search", "and for part-timers?");

    assertThat(pool.prompt(0)).contains("User: earlier question").contains("and for part-timers?");
    assertThat(pool.sent.get(0).options().temperature()).isEqualTo(0.0);
    assertThat(turn.searchedAs).isEqualTo("alice: leave days part-time k=null");
    assertThat(pool.prompt(1)).contains("<<<passages>>>").contains("passage text 1");
  }

  @Test
  void anOutlineBecomesOneCallPerSection() {
    pool.reply =
        r -> {
          String prompt = r.messages().get(1).content();
          if (prompt.startsWith("Write the outline")) {
            return "1. Why\n2. How\n\n- When";
          }
          return prompt.startsWith("Write the section") ? "section text" : "document";
        };

    run("write-document", "a leave policy");

    assertThat(pool.sent).hasSize(5);
    assertThat(pool.prompt(1)).startsWith("Write the section \"Why\"");
    assertThat(pool.prompt(3)).startsWith("Write the section \"When\"");
    assertThat(pool.prompt(4)).contains("## Why\nsection text").contains("## When");
  }

  @Test
  void aStopInTheMiddleEndsTheFlowWithoutTheRestOfItsCalls() {
    pool.hold = true;

    run("knowledge-notes", "年假有几天？");
    assertThat(pool.sent).hasSize(1);
    turn.stop();

    assertThat(turn.outcome.kind()).isEqualTo(GenerationOutcome.Kind.STOPPED);
    assertThat(pool.sent).hasSize(1); // nothing after the stopped call was sent
  }

  @Test
  void aFailedStepFailsTheAnswerAndSaysWhichStep() {
    GenerationService failing =
        new GenerationService() {
          @Override
          public Generation submit(
              String modelId,
              long tenantId,
              long userId,
              ChatRequest request,
              GenerationListener listener) {
            listener.finished(GenerationOutcome.failed(RuleMessage.verbatim("model unreachable")));
            return () -> {};
          }

          @Override
          public List<LaneStats> stats() {
            return List.of();
          }
        };
    PreparedTurn prepared = writeDocument();

    new FlowRun(prepared, turn, failing, search, Runnable::run).start();

    assertThat(turn.outcome.kind()).isEqualTo(GenerationOutcome.Kind.FAILED);
    assertThat(turn.outcome.message())
        .isEqualTo("Step \u201coutline\u201d failed: model unreachable");
  }

  @Test
  void aConversationWithoutDocumentsSearchesNothingThroughAFlowEither() {
    sources = DocumentSources.NONE;

    run("knowledge-notes", "年假有几天？");

    assertThat(turn.searchedAs).isNull();
    assertThat(pool.sent).hasSize(1); // no passages, no notes: straight to the answer
  }

  @Test
  void stopCancelsTheCallThatRunsNotOneThatEnded() {
    // the first call ends inside submit (before it is attached); the second is held
    pool.reply = r -> "1. Why";
    List<GenerationListener> held = new ArrayList<>();
    GenerationService mixed =
        new GenerationService() {
          @Override
          public Generation submit(
              String modelId,
              long tenantId,
              long userId,
              ChatRequest request,
              GenerationListener listener) {
            if (held.isEmpty() && pool.sent.isEmpty()) {
              pool.sent.add(request);
              listener.text("1. Why");
              listener.finished(GenerationOutcome.of(GenerationOutcome.Kind.COMPLETE));
              return () -> {}; // ended: cancelling it does nothing
            }
            held.add(listener);
            return () -> listener.finished(GenerationOutcome.of(GenerationOutcome.Kind.STOPPED));
          }

          @Override
          public List<LaneStats> stats() {
            return List.of();
          }
        };
    PreparedTurn prepared = writeDocument();
    new FlowRun(prepared, turn, mixed, search, Runnable::run).start();
    assertThat(held).hasSize(1); // the section call runs

    turn.stop();

    assertThat(turn.outcome.kind()).isEqualTo(GenerationOutcome.Kind.STOPPED);
  }

  /** The outline-then-sections flow on a bare question, for tests that script the pool. */
  private static PreparedTurn writeDocument() {
    return new PreparedTurn(
        7,
        3,
        "alice",
        11,
        12,
        "m",
        new ChatRequest(
            List.of(ChatMessage.system("s"), ChatMessage.user("q")),
            List.of(),
            GenerationOptions.defaults()),
        null,
        new FlowPlan(
            BuiltInFlows.find("write-document").orElseThrow(),
            ALICE,
            Map.of("question", "q", "history", "(none)", "company", "Acme", "language", "x"),
            "s",
            null,
            DocumentSources.ALL));
  }
}
