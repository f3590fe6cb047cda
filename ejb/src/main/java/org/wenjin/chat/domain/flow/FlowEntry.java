package org.wenjin.chat.domain.flow;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A flow as one company has it: a built-in as shipped, a built-in the company edited, or one of its
 * own; whether its users are offered it, and which revision of the company's is current.
 *
 * @param flow null when the stored definition no longer passes the checks ({@code problems} says
 *     why; it is then not offered until fixed)
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
    List<String> problems) {

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
    return offered && flow != null;
  }

  /** The revision a turn records: null for a built-in as shipped. */
  public Integer turnRevision() {
    return origin == Origin.BUILT_IN ? null : revision;
  }
}
