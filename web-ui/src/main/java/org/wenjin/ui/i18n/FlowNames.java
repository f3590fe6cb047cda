package org.wenjin.ui.i18n;

import java.util.Map;

/**
 * The names and descriptions of the built-in flows in the reader's language. The flows' JSON holds
 * them in English (API clients read those); a company's edited copy, or a flow of its own, is said
 * as its admins wrote it.
 */
public final class FlowNames {

  private record Keys(String name, String description) {}

  private static final Map<String, Keys> BUILT_IN =
      Map.of(
          "knowledge",
          new Keys("flows.builtin.knowledge.name", "flows.builtin.knowledge.description"),
          "knowledge-notes",
          new Keys(
              "flows.builtin.knowledge-notes.name", "flows.builtin.knowledge-notes.description"),
          "rewrite-search",
          new Keys("flows.builtin.rewrite-search.name", "flows.builtin.rewrite-search.description"),
          "write-document",
          new Keys("flows.builtin.write-document.name", "flows.builtin.write-document.description"),
          "translate",
          new Keys("flows.builtin.translate.name", "flows.builtin.translate.description"));

  private FlowNames() {}

  /** The flow's name: a built-in's as shipped in the reader's language, any other as written. */
  public static String name(String id, String written, boolean asShipped) {
    Keys keys = asShipped ? BUILT_IN.get(id) : null;
    return keys == null ? written : Tr.t(keys.name());
  }

  /** What the flow does, as {@link #name} says its name. */
  public static String description(String id, String written, boolean asShipped) {
    Keys keys = asShipped ? BUILT_IN.get(id) : null;
    return keys == null ? written : Tr.t(keys.description());
  }

  /** The built-in flows with names of their own in the bundles. */
  static Iterable<String> builtIns() {
    return BUILT_IN.keySet();
  }
}
