package org.wenjin.chat.domain.flow;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/**
 * A flow that cannot be saved or run, with every problem found, each naming where it is ({@code
 * steps[2].prompt: unknown variable “summaries”}), so an admin can fix them all at once.
 */
@ApplicationException(rollback = true)
public class FlowRules extends RuntimeException implements Explained {

  private final List<RuleMessage> explanations;

  public FlowRules(RuleMessage problem) {
    this(List.of(problem));
  }

  /** One problem that {@code cause} (a template engine's complaint, say) explains further. */
  public FlowRules(RuleMessage problem, Throwable cause) {
    super(problem.english(), cause);
    this.explanations = List.of(problem);
  }

  public FlowRules(List<RuleMessage> problems) {
    super(RuleMessage.joined(problems).english());
    this.explanations = List.copyOf(problems);
  }

  /** Each problem in English (the REST API's and the log's words). */
  public List<String> problems() {
    return explanations.stream().map(RuleMessage::english).toList();
  }

  /** Each problem, to be said in the reader's language. */
  public List<RuleMessage> explanations() {
    return explanations;
  }

  @Override
  public RuleMessage explanation() {
    return RuleMessage.joined(explanations);
  }
}
