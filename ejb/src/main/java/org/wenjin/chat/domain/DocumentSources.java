package org.wenjin.chat.domain;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.wenjin.platform.text.RuleMessage;

/**
 * Which of the company's documents may ground a conversation's answers: all of them, none, or only
 * some collections.
 *
 * @param collections empty with {@code enabled}: every collection
 */
public record DocumentSources(boolean enabled, List<String> collections) implements Serializable {

  public static final DocumentSources ALL = new DocumentSources(true, List.of());
  public static final DocumentSources NONE = new DocumentSources(false, List.of());

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,63}");

  public DocumentSources {
    collections = enabled ? List.copyOf(collections) : List.of();
    for (String c : collections) {
      if (!NAME.matcher(c).matches()) {
        throw new ChatRules(RuleMessage.of("chat.sources.collection-invalid", c));
      }
    }
    if (collections.size() > 20) {
      throw new ChatRules(RuleMessage.of("chat.sources.too-many", 20));
    }
  }

  /** As stored with the conversation. */
  public String encode() {
    if (!enabled) {
      return "-";
    }
    return collections.isEmpty() ? null : String.join(",", collections);
  }

  public static DocumentSources decode(String stored) {
    if (stored == null || stored.isBlank()) {
      return ALL;
    }
    if (stored.equals("-")) {
      return NONE;
    }
    return new DocumentSources(true, Arrays.asList(stored.split(",")));
  }
}
