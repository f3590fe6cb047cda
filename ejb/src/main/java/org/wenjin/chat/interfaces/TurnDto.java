package org.wenjin.chat.interfaces;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.wenjin.chat.domain.Citation;
import org.wenjin.platform.text.RuleMessage;

/**
 * One question and its answer as the UI shows it. {@code status}: STREAMING, COMPLETE, STOPPED,
 * FAILED or INTERRUPTED; {@code error} says why a FAILED answer failed; {@code citations} are the
 * passages the answer may cite as [n]; {@code flowId} the flow that answered (null: the standard
 * answer) and {@code flowTrace} what each of its steps sent and got (a JSON array, or null). {@code
 * error} is in English (the API, the audit); {@code errorMessage} is the same reason to be said in
 * the reader's language, null when only the English is known.
 */
public record TurnDto(
    long id,
    long conversationId,
    String question,
    String answer,
    String status,
    String error,
    String modelId,
    String modelLabel,
    Integer rating,
    String feedback,
    Instant askedAt,
    List<Citation> citations,
    String flowId,
    String flowTrace,
    RuleMessage errorMessage)
    implements Serializable {

  /** Why it failed or was cut off in {@code locale}'s language; null when it did not. */
  public String errorIn(Locale locale) {
    return errorMessage == null ? error : errorMessage.in(locale);
  }

  public boolean isStreaming() {
    return "STREAMING".equals(status);
  }
}
