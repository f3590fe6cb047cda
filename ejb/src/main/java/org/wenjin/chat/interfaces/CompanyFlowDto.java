package org.wenjin.chat.interfaces;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.wenjin.platform.text.RuleMessage;

/**
 * A flow as the company's admins manage it.
 *
 * @param origin BUILT_IN (as shipped), EDITED (the company's copy of a built-in) or OWN
 * @param revision the company's revision (0: as shipped)
 * @param offered whether the admins offer it to users
 * @param usable offered and runnable: users see it (a flow with problems is not, until fixed)
 * @param modelCalls at most how many model calls one question costs through it (0 with problems)
 * @param problems why a stored flow no longer passes the checks, in English; empty when it does
 * @param updatedBy null for a built-in never changed
 * @param problemMessages the same problems, to be said in the reader's language
 */
public record CompanyFlowDto(
    String id,
    String name,
    String description,
    String origin,
    int revision,
    boolean offered,
    boolean usable,
    boolean standard,
    int modelCalls,
    int steps,
    Instant updatedAt,
    String updatedBy,
    List<String> problems,
    List<RuleMessage> problemMessages)
    implements Serializable {

  public CompanyFlowDto {
    problems = List.copyOf(problems);
    problemMessages = List.copyOf(problemMessages);
  }

  public boolean builtIn() {
    return !"OWN".equals(origin);
  }

  /** A built-in the company has not edited: its name and description are the shipped ones. */
  public boolean asShipped() {
    return "BUILT_IN".equals(origin);
  }
}
