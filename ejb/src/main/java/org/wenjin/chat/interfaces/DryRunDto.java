package org.wenjin.chat.interfaces;

import java.io.Serializable;
import java.util.List;
import org.wenjin.chat.domain.Citation;
import org.wenjin.platform.text.RuleMessage;

/**
 * How a flow answered a sample question, saved nowhere but the audit's note that it ran.
 *
 * @param status COMPLETE, STOPPED or FAILED
 * @param error why it failed (in the reader's language: {@code error.in(locale)}), else null
 * @param flowTrace each step's prompt and output, as a turn keeps them (a JSON array)
 * @param citations the passages the answer may cite as [n]
 */
public record DryRunDto(
    String flowId,
    String status,
    RuleMessage error,
    String answer,
    String flowTrace,
    List<Citation> citations,
    int promptTokens,
    int pieces)
    implements Serializable {

  public DryRunDto {
    citations = List.copyOf(citations);
  }
}
