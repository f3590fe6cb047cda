package org.wenjin.chat.domain.flow;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.wenjin.platform.text.RuleMessage;

/**
 * A flow as one company has it: a built-in as shipped, a built-in the company edited, or one of its
 * own; whether its users are offered it, and which revision of the company's is current.
 *
 * @param flow null when the stored definition no longer passes the checks
 * @param problems why it cannot run (its checks, or a step's model the company no longer offers);
 *     users are not offered it until it is fixed
 * @param source the flow as JSON, as the editor shows it
 * @param revision 0 for a built-in as shipped
 * @param updatedBy null for a built-in as shipped
 */
public record FlowEntry(
    String id,
    FlowDefinition flow,
    JsonObject source,
    Origin origin,
    int revision,
    boolean offered,
    Instant updatedAt,
    String updatedBy,
    List<RuleMessage> problems) {

  public enum Origin {
    BUILT_IN,
    EDITED,
    OWN
  }

  public FlowEntry {
    problems = List.copyOf(problems);
  }

  /** Whether users may choose it: offered and runnable. */
  public boolean usable() {
    return offered && flow != null && problems.isEmpty();
  }

  /** The same entry with more that stands in its way (a step's model no longer offered). */
  public FlowEntry with(List<RuleMessage> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<RuleMessage> all = new java.util.ArrayList<>(problems);
    all.addAll(more);
    return new FlowEntry(id, flow, source, origin, revision, offered, updatedAt, updatedBy, all);
  }

  /** The revision a turn records: null for a built-in as shipped. */
  public Integer turnRevision() {
    return origin == Origin.BUILT_IN ? null : revision;
  }
}
