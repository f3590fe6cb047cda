package org.wenjin.chat.domain.flow;

import jakarta.ejb.ApplicationException;
import org.wenjin.platform.text.RuleMessage;

/**
 * A save based on a revision of the flow that is no longer its latest: another admin saved one
 * meanwhile. Nothing was saved; the editor keeps what was written, to be compared and saved again.
 */
@ApplicationException(rollback = true)
public class FlowChanged extends FlowRules {

  private final int revision;

  public FlowChanged(RuleMessage problem, int revision) {
    super(problem);
    this.revision = revision;
  }

  /** The flow's latest revision. */
  public int revision() {
    return revision;
  }
}
