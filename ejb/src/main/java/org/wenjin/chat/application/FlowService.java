package org.wenjin.chat.application;

import java.util.List;
import java.util.Optional;
import org.wenjin.chat.domain.flow.FlowChanged;
import org.wenjin.chat.domain.flow.FlowEntry;
import org.wenjin.chat.domain.flow.FlowRules;
import org.wenjin.platform.text.RuleMessage;

/**
 * The current company's flows: the built-ins, its edited copies of them and its own, which of them
 * its users are offered, and the edits of its admins (each saved after the checks pass, as a new
 * revision, and recorded in the audit).
 */
public interface FlowService {

  /** Every flow the company has, offered or not, the built-ins first. */
  List<FlowEntry> all();

  /** The flows users may choose, the standard one first. */
  List<FlowEntry> offered();

  /**
   * @throws org.wenjin.chat.domain.ChatRules not found, for an id the company does not have
   */
  FlowEntry get(String flowId);

  /**
   * The flow that answers a question naming {@code flowId} (blank: the standard one); empty when
   * that is the standard flow as shipped, which the chat answers directly, or the company's
   * standard flow cannot run (then the shipped one answers, and the Flows page shows why).
   *
   * @throws org.wenjin.chat.domain.ChatRules not found, for a flow the company does not offer; for
   *     a flow that cannot run (a step's model the company no longer offers)
   */
  Optional<FlowEntry> forQuestion(String flowId);

  /** What stands in the way of saving {@code text} (JSON or YAML) as a flow; empty when nothing. */
  List<RuleMessage> problems(String text);

  /**
   * Saves {@code text} as the flow {@code flowId} (a built-in's id: the company's copy of it), or
   * as a new flow under the id it names when {@code flowId} is null.
   *
   * @throws FlowRules with every problem, when it cannot be saved
   */
  default FlowEntry save(String flowId, String text, boolean offered) {
    return save(flowId, text, offered, null);
  }

  /**
   * As {@link #save(String, String, boolean)}, only if the flow is still at revision {@code
   * basedOn} (the one its editor opened; null: whatever it is): an edit made meanwhile by another
   * admin is not overwritten unseen.
   *
   * @throws FlowChanged when another revision was saved since {@code basedOn}
   */
  FlowEntry save(String flowId, String text, boolean offered, Integer basedOn);

  /** Offers the flow to the company's users, or withdraws it (not the standard one). */
  FlowEntry offer(String flowId, boolean offered);

  /** A built-in back as shipped; a flow of the company's own deleted. */
  void remove(String flowId);
}
