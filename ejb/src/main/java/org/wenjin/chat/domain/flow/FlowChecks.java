package org.wenjin.chat.domain.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  public static List<String> problems(FlowDefinition flow) {
    List<String> problems = new ArrayList<>();
    List<FlowStep> steps = flow.steps();
    if (steps.size() > MAX_STEPS) {
      problems.add("steps: at most " + MAX_STEPS + " steps");
    }
    Map<String, FlowStep> earlier = new HashMap<>();
    Set<String> all = new HashSet<>();
    steps.forEach(s -> all.add(s.id()));
    for (int i = 0; i < steps.size(); i++) {
      FlowStep step = steps.get(i);
      String where = "steps[" + i + "]";
      if (!FlowParser.ID.matcher(step.id()).matches()) {
        problems.add(
            where + ".id: lower-case letters, digits, '-' and '_', starting with a letter");
      } else if (GLOBALS.contains(step.id()) || LOOP.contains(step.id())) {
        problems.add(where + ".id: '" + step.id() + "' is a variable's name; choose another");
      } else if (earlier.containsKey(step.id())) {
        problems.add(where + ".id: '" + step.id() + "' is the id of an earlier step");
      }
      boolean last = i == steps.size() - 1;
      if (step instanceof FlowStep.Answer && !last) {
        problems.add(where + ": only the last step answers (type \"answer\")");
      }
      if (last && !(step instanceof FlowStep.Answer)) {
        problems.add(where + ": the last step must be of type \"answer\", whose output streams");
      }
      checkStep(step, where, earlier, all, problems);
      earlier.putIfAbsent(step.id(), step);
    }
    if (flow.modelCalls() > MAX_CALLS) {
      problems.add(
          "steps: up to "
              + flow.modelCalls()
              + " model calls per question; at most "
              + MAX_CALLS
              + " (lower a for_each max)");
    }
    return problems;
  }

  private static void checkStep(
      FlowStep step,
      String where,
      Map<String, FlowStep> earlier,
      Set<String> all,
      List<String> problems) {
    switch (step) {
      case FlowStep.Retrieve r -> {
        if (r.k() != null && (r.k() < 1 || r.k() > MAX_PASSAGES)) {
          problems.add(where + ".k: 1 to " + MAX_PASSAGES + " passages");
        }
        names(r.query(), where + ".query", false, earlier, all, problems);
      }
      case FlowStep.Generate g -> prompt(g.call(), where, false, earlier, all, problems);
      case FlowStep.ForEach f -> {
        if (f.max() == 0) {
          problems.add(where + ".max: a loop needs a bound (1 to " + MAX_LOOP + ")");
        } else if (f.max() < 1 || f.max() > MAX_LOOP) {
          problems.add(where + ".max: a loop takes 1 to " + MAX_LOOP + " items");
        }
        over(f, where, earlier, all, problems);
        prompt(f.call(), where, true, earlier, all, problems);
      }
      case FlowStep.Answer a -> {
        if (a.cite() != null && !(earlier.get(a.cite()) instanceof FlowStep.Retrieve)) {
          problems.add(
              where + ".cite: the id of an earlier retrieve step (not '" + a.cite() + "')");
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
      List<String> problems) {
    String[] part = f.over().split("\\.", -1);
    if (part.length != 2 || !(part[1].equals("passages") || part[1].equals("lines"))) {
      problems.add(where + ".over: '<retrieve step>.passages' or '<generate step>.lines'");
      return;
    }
    FlowStep source = earlier.get(part[0]);
    if (source == null) {
      problems.add(where + ".over: " + unknownStep(part[0], all));
    } else if (part[1].equals("passages") && !(source instanceof FlowStep.Retrieve)) {
      problems.add(where + ".over: '" + part[0] + "' is no retrieve step; it has no passages");
    } else if (part[1].equals("lines") && !(source instanceof FlowStep.Generate)) {
      problems.add(where + ".over: '" + part[0] + "' is no generate step; it has no lines");
    }
  }

  private static void prompt(
      FlowStep.Prompt call,
      String where,
      boolean inLoop,
      Map<String, FlowStep> earlier,
      Set<String> all,
      List<String> problems) {
    if (call.maxTokens() != null && (call.maxTokens() < 1 || call.maxTokens() > MAX_TOKENS)) {
      problems.add(where + ".max_tokens: 1 to " + MAX_TOKENS);
    }
    if (call.temperature() != null && (call.temperature() < 0 || call.temperature() > 2)) {
      problems.add(where + ".temperature: 0 to 2");
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
      List<String> problems) {
    Set<String> names = template.names();
    boolean listSection = names.stream().anyMatch(FlowChecks::isList);
    for (String name : names) {
      String problem = problem(name, inLoop, listSection, earlier, all);
      if (problem != null) {
        problems.add(where + ": " + problem);
      }
    }
  }

  private static boolean isList(String name) {
    return name.endsWith(".passages") || name.endsWith(".lines") || name.endsWith(".items");
  }

  /** Why {@code name} cannot be read here, or null. */
  private static String problem(
      String name,
      boolean inLoop,
      boolean listSection,
      Map<String, FlowStep> earlier,
      Set<String> all) {
    if (SPECIAL.contains(name)) {
      return null;
    }
    if (name.startsWith(">")) {
      return "partials ({{" + name + "}}) are not supported";
    }
    String[] part = name.split("\\.", -1);
    String head = part[0];
    if (GLOBALS.contains(head)) {
      return part.length == 1 ? null : "'" + head + "' is a text; it has no '" + part[1] + "'";
    }
    if (LOOP.contains(head)) {
      return inLoop ? null : "'" + head + "' exists only in a for_each step's prompt";
    }
    FlowStep step = earlier.get(head);
    if (step != null) {
      Set<String> outputs = OUTPUTS.get(step.getClass());
      if (part.length == 2 && outputs.contains(part[1])) {
        return null;
      }
      return "step '" + head + "' gives " + String.join(", ", sorted(outputs, head));
    }
    if (all.contains(head)) {
      return unknownStep(head, all);
    }
    if (listSection && part.length == 1 && ELEMENT.contains(head)) {
      return null; // a field of the list being iterated
    }
    return "unknown variable '" + name + "'";
  }

  private static String unknownStep(String id, Set<String> all) {
    return all.contains(id)
        ? "step '" + id + "' comes later; a step reads only the steps before it"
        : "there is no step '" + id + "'";
  }

  private static List<String> sorted(Set<String> outputs, String id) {
    return outputs.stream().sorted().map(o -> id + "." + o).toList();
  }
}
