package org.wenjin.ui.common;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.markdown.MarkdownNodeRendererContext;
import org.commonmark.renderer.markdown.MarkdownNodeRendererFactory;
import org.commonmark.renderer.markdown.MarkdownWriter;

/**
 * Writes a text node as Markdown that reads back as that text, in CommonMark and in marked's GitHub
 * flavour alike. commonmark's own renderer escapes what CommonMark would read as syntax, but not
 * what GitHub's autolinking turns into links ({@code http://…}, {@code www.…}, {@code a@b.com}):
 * here the {@code :} of {@code ://}, the dot of {@code www.} and every {@code @} are escaped too.
 */
final class InertText implements NodeRenderer {

  /**
   * Characters that start inline syntax anywhere in a line: links, images, HTML, code, emphasis.
   */
  private static final String SYNTAX = "\\[]<>`*&";

  private static final Pattern ORDERED_LIST_MARKER = Pattern.compile("^(\\d{1,9})([.)])");

  private final MarkdownWriter writer;

  private InertText(MarkdownNodeRendererContext context) {
    this.writer = context.getWriter();
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Text.class);
  }

  @Override
  public void render(Node node) {
    Text text = (Text) node;
    String literal = text.getLiteral();
    if (literal.isEmpty()) {
      return;
    }
    StringBuilder out = new StringBuilder(literal.length() + 16);
    int start = writer.isAtLineStart() ? escapeLineStart(literal, out) : 0;
    boolean heading = text.getParent() instanceof Heading;
    for (int i = start; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '\n') {
        out.append("&#10;"); // a backslash cannot escape a line break
        continue;
      }
      boolean beforeLink = c == '!' && i == literal.length() - 1 && text.getNext() instanceof Link;
      if (SYNTAX.indexOf(c) >= 0 || (heading && c == '#') || beforeLink || autolinks(literal, i)) {
        out.append('\\');
      }
      out.append(c);
    }
    writer.raw(out.toString());
  }

  /** Block syntax that a line may start with: list markers, headings, indentation. */
  private static int escapeLineStart(String literal, StringBuilder out) {
    char first = literal.charAt(0);
    Matcher ordered = ORDERED_LIST_MARKER.matcher(literal);
    if ("-+#=".indexOf(first) >= 0) {
      out.append('\\').append(first);
      return 1;
    }
    if (ordered.find()) {
      out.append(ordered.group(1)).append('\\').append(ordered.group(2));
      return ordered.end();
    }
    if (first == ' ' || first == '\t') {
      out.append("&#").append((int) first).append(';');
      return 1;
    }
    return 0;
  }

  /** Whether the character at {@code i} is where marked's autolinking would recognise a link. */
  private static boolean autolinks(String s, int i) {
    char c = s.charAt(i);
    return c == '@'
        || (c == ':' && s.startsWith("//", i + 1))
        || (c == '.' && i >= 3 && s.regionMatches(true, i - 3, "www", 0, 3));
  }

  /** All of {@code text} as literal characters, for when it cannot be parsed at all. */
  static String escapeAll(String text) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > ' ' && c < 127 && !Character.isLetterOrDigit(c)) { // ASCII punctuation
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Registers this renderer for text; every other node keeps commonmark's own rendering. */
  static final class Factory implements MarkdownNodeRendererFactory {

    @Override
    public NodeRenderer create(MarkdownNodeRendererContext context) {
      return new InertText(context);
    }

    @Override
    public Set<Character> getSpecialCharacters() {
      return Set.of();
    }
  }
}
