package org.wenjin.chat.domain.flow;

import java.util.List;
import java.util.Objects;

/**
 * A flow as a company offers it: a stable id ({@code knowledge}, offered to API clients as {@code
 * flow:knowledge}), a name and description for people, and its steps, the last of which answers.
 * Built only by {@link FlowParser}, which checks it ({@link FlowChecks}).
 */
public record FlowDefinition(String id, String name, String description, List<FlowStep> steps) {

  public FlowDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    steps = List.copyOf(steps);
  }

  public FlowStep.Answer answer() {
    return (FlowStep.Answer) steps.get(steps.size() - 1);
  }

  /** The most model calls one question can make through this flow. */
  public int modelCalls() {
    return steps.stream().mapToInt(FlowStep::modelCalls).sum();
  }
}
