package org.wenjin.chat.domain.flow;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A flow that cannot be saved or run, with every problem found, each naming where it is ({@code
 * steps[2].prompt: unknown variable 'summaries'}), so an admin can fix them all at once.
 */
@ApplicationException(rollback = true)
public class FlowRules extends RuntimeException {

  private final List<String> problems;

  public FlowRules(String problem) {
    this(List.of(problem));
  }

  public FlowRules(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
