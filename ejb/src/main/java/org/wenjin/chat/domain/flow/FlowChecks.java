package org.wenjin.chat.domain.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wenjin.platform.text.RuleMessage;

/**
 * What makes a flow runnable, each problem said so that an admin can fix it: ids unique, steps
 * reading only steps before them, every template variable known at its step, loops bounded, one
 * answer step and it is last, and the whole within a budget of model calls per question.
 */
public final class FlowChecks {

  public static final int MAX_STEPS = 12;

  /** Items one for-each step may process. */
  public static final int MAX_LOOP = 10;

  /** Model calls one question may cost through a flow (for-each steps count their bound). */
  public static final int MAX_CALLS = 24;

  public static final int MAX_PASSAGES = 20;

  public static final int MAX_TOKENS = 4096;

  /** What every template may read. */
  static final Set<String> GLOBALS = Set.of("question", "history", "company", "language");

  /** What a for-each step's template may read besides. */
  static final Set<String> LOOP = Set.of("item", "index", "count");

  /** Mustache's own names inside sections. */
  private static final Set<String> SPECIAL = Set.of("this", ".", "-first", "-last", "-index");

  /** Fields of a list element, readable inside a section over the list. */
  private static final Set<String> ELEMENT =
      Set.of("n", "title", "source", "text", "block", "index", "line");

  private static final Map<Class<?>, Set<String>> OUTPUTS =
      Map.of(
          FlowStep.Retrieve.class, Set.of("passages", "block", "count"),
          FlowStep.Generate.class, Set.of("text", "lines"),
          FlowStep.ForEach.class, Set.of("items", "text"),
          FlowStep.Answer.class, Set.of("text"));

  private FlowChecks() {}

  public static List<RuleMessage> problems(FlowDefinition flow) {
    List<RuleMessage> problems = new ArrayList<>();
    List<FlowStep> steps = flow.steps();
    if (steps.size() > MAX_STEPS) {
      problems.add(RuleMessage.of("flow.steps.too-many", MAX_STEPS));
    }
    Map<String, FlowStep> earlier = new HashMap<>();
    Set<String> all = new HashSet<>();
    steps.forEach(s -> all.add(s.id()));
    for (int i = 0; i < steps.size(); i++) {
      FlowStep step = steps.get(i);
      String where = "steps[" + i + "]";
      if (!FlowParser.ID.matcher(step.id()).matches()) {
        problems.add(RuleMessage.of("flow.step.id-invalid", where));
      } else if (GLOBALS.contains(step.id()) || LOOP.contains(step.id())) {
        problems.add(RuleMessage.of("flow.step.id-variable", where, step.id()));
      } else if (earlier.containsKey(step.id())) {
        problems.add(RuleMessage.of("flow.step.id-taken", where, step.id()));
      }
      boolean last = i == steps.size() - 1;
      if (step instanceof FlowStep.Answer && !last) {
        problems.add(RuleMessage.of("flow.step.answer-not-last", where));
      }
      if (last && !(step instanceof FlowStep.Answer)) {
        problems.add(RuleMessage.of("flow.step.last-not-answer", where));
      }
      checkStep(step, where, earlier, all, problems);
      earlier.putIfAbsent(step.id(), step);
    }
    if (flow.modelCalls() > MAX_CALLS) {
      problems.add(RuleMessage.of("flow.steps.too-many-calls", flow.modelCalls(), MAX_CALLS));
    }
    return problems;
  }

  private static void checkStep(
      FlowStep step,
      String where,
      Map<String, FlowStep> earlier,
      Set<String> all,
      List<RuleMessage> problems) {
    switch (step) {
      case FlowStep.Retrieve r -> {
        if (r.k() != null && (r.k() < 1 || r.k() > MAX_PASSAGES)) {
          problems.add(RuleMessage.of("flow.retrieve.k", where, MAX_PASSAGES));
        }
        names(r.query(), where + ".query", false, earlier, all, problems);
      }
      case FlowStep.Generate g -> prompt(g.call(), where, false, earlier, all, problems);
      case FlowStep.ForEach f -> {
        if (f.max() == 0) {
          problems.add(RuleMessage.of("flow.loop.unbounded", where, MAX_LOOP));
        } else if (f.max() < 1 || f.max() > MAX_LOOP) {
          problems.add(RuleMessage.of("flow.loop.max", where, MAX_LOOP));
        }
        over(f, where, earlier, all, problems);
        prompt(f.call(), where, true, earlier, all, problems);
      }
      case FlowStep.Answer a -> {
        if (a.cite() != null && !(earlier.get(a.cite()) instanceof FlowStep.Retrieve)) {
          problems.add(RuleMessage.of("flow.answer.cite", where, a.cite()));
        }
        prompt(a.call(), where, false, earlier, all, problems);
      }
    }
  }

  private static void over(
      FlowStep.ForEach f,
      String where,
      Map<String, FlowStep> earlier,
      Set<String> all,
      List<RuleMessage> problems) {
    String[] part = f.over().split("\\.", -1);
    if (part.length != 2 || !(part[1].equals("passages") || part[1].equals("lines"))) {
      problems.add(RuleMessage.of("flow.loop.over-form", where));
      return;
    }
    FlowStep source = earlier.get(part[0]);
    if (source == null) {
      problems.add(RuleMessage.of("flow.problem.at", where + ".over", unknownStep(part[0], all)));
    } else if (part[1].equals("passages") && !(source instanceof FlowStep.Retrieve)) {
      problems.add(RuleMessage.of("flow.loop.over-not-retrieve", where, part[0]));
    } else if (part[1].equals("lines") && !(source instanceof FlowStep.Generate)) {
      problems.add(RuleMessage.of("flow.loop.over-not-generate", where, part[0]));
    }
  }

  private static void prompt(
      FlowStep.Prompt call,
      String where,
      boolean inLoop,
      Map<String, FlowStep> earlier,
      Set<String> all,
      List<RuleMessage> problems) {
    if (call.maxTokens() != null && (call.maxTokens() < 1 || call.maxTokens() > MAX_TOKENS)) {
      problems.add(RuleMessage.of("flow.call.max-tokens", where, MAX_TOKENS));
    }
    if (call.temperature() != null && (call.temperature() < 0 || call.temperature() > 2)) {
      problems.add(RuleMessage.of("flow.call.temperature", where));
    }
    names(call.prompt(), where + ".prompt", inLoop, earlier, all, problems);
    if (call.system() != null) {
      names(call.system(), where + ".system", inLoop, earlier, all, problems);
    }
  }

  private static void names(
      PromptTemplate template,
      String where,
      boolean inLoop,
      Map<String, FlowStep> earlier,
      Set<String> all,
      List<RuleMessage> problems) {
    Set<String> names = template.names();
    boolean listSection = names.stream().anyMatch(FlowChecks::isList);
    for (String name : names) {
      RuleMessage problem = problem(name, inLoop, listSection, earlier, all);
      if (problem != null) {
        problems.add(RuleMessage.of("flow.problem.at", where, problem));
      }
    }
  }

  private static boolean isList(String name) {
    return name.endsWith(".passages") || name.endsWith(".lines") || name.endsWith(".items");
  }

  /** Why {@code name} cannot be read here, or null. */
  private static RuleMessage problem(
      String name,
      boolean inLoop,
      boolean listSection,
      Map<String, FlowStep> earlier,
      Set<String> all) {
    if (SPECIAL.contains(name)) {
      return null;
    }
    if (name.startsWith(">")) {
      return RuleMessage.of("flow.variable.partial", "{{" + name + "}}");
    }
    String[] part = name.split("\\.", -1);
    String head = part[0];
    if (GLOBALS.contains(head)) {
      return part.length == 1 ? null : RuleMessage.of("flow.variable.no-field", head, part[1]);
    }
    if (LOOP.contains(head)) {
      return inLoop ? null : RuleMessage.of("flow.variable.loop-only", head);
    }
    FlowStep step = earlier.get(head);
    if (step != null) {
      Set<String> outputs = OUTPUTS.get(step.getClass());
      if (part.length == 2 && outputs.contains(part[1])) {
        return null;
      }
      return RuleMessage.of(
          "flow.variable.step-outputs", head, String.join(", ", sorted(outputs, head)));
    }
    if (all.contains(head)) {
      return unknownStep(head, all);
    }
    if (listSection && part.length == 1 && ELEMENT.contains(head)) {
      return null; // a field of the list being iterated
    }
    return RuleMessage.of("flow.variable.unknown", name);
  }

  private static RuleMessage unknownStep(String id, Set<String> all) {
    return all.contains(id)
        ? RuleMessage.of("flow.step.later", id)
        : RuleMessage.of("flow.step.unknown", id);
  }

  private static List<String> sorted(Set<String> outputs, String id) {
    return outputs.stream().sorted().map(o -> id + "." + o).toList();
  }
}
