package org.wenjin.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/**
 * Markdown from documents, models and users, made inert before a browser renders it. The result is
 * Markdown again, because the chat's message list renders Markdown in the browser (marked, then
 * DOMPurify, which keeps images and links to anywhere), but Markdown in which no image, no raw HTML
 * and no link other than to one of the app's own documents can form: an image becomes its alt text,
 * a foreign link its label with the address as text, HTML its source as text (comments vanish, as
 * they would have), and bare addresses are escaped so that marked's GitHub-style autolinking finds
 * none. Formatting (emphasis, lists, tables, code) stays.
 */
public final class InertMarkdown {

  /** The only links kept: a passage of one of the app's documents ({@code DocumentView.route}). */
  private static final Pattern OWN_DOCUMENT =
      Pattern.compile("knowledge/document/\\d{1,18}(\\?passage=\\d{1,9})?");

  /** A citation marker as the prompt asks for them: [1], [12]. */
  private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");

  /** The language word of a code fence, which marked turns into a class name; nothing else. */
  private static final Pattern CODE_LANGUAGE = Pattern.compile("[A-Za-z0-9_+-]{1,30}");

  // both are immutable and thread-safe (commonmark's documentation)
  private static final Parser PARSER = Parser.builder().build();
  private static final MarkdownRenderer RENDERER =
      MarkdownRenderer.builder().nodeRendererFactory(new InertText.Factory()).build();

  private InertMarkdown() {}

  /** The Markdown to hand to the browser for {@code untrusted} (null gives ""). */
  public static String render(String untrusted) {
    return render(untrusted, Map.of());
  }

  /**
   * The same, and each citation marker {@code [n]} in the text (not in code) becomes a link to the
   * passage it cites, so a reader opens the source where the answer uses it.
   *
   * @param citations marker number → the passage's route ({@code knowledge/document/..}); markers
   *     without one stay text
   */
  public static String render(String untrusted, Map<Integer, String> citations) {
    if (untrusted == null || untrusted.isBlank()) {
      return "";
    }
    try {
      Node document = PARSER.parse(untrusted);
      for (Node node : active(document)) {
        neutralise(node);
      }
      mergeAdjacentText(document);
      if (!citations.isEmpty()) {
        linkCitations(document, citations);
      }
      return RENDERER.render(document).stripTrailing();
    } catch (StackOverflowError e) {
      // thousands of nested quotes or lists: commonmark recurses per level. Show it as text.
      return InertText.escapeAll(untrusted);
    }
  }

  /** The nodes that could load, link or run something, in document order. */
  private static List<Node> active(Node document) {
    List<Node> found = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Image image) {
            found.add(image);
            visitChildren(image);
          }

          @Override
          public void visit(Link link) {
            found.add(link);
            visitChildren(link);
          }

          @Override
          public void visit(HtmlInline html) {
            found.add(html);
          }

          @Override
          public void visit(HtmlBlock html) {
            found.add(html);
          }

          @Override
          public void visit(LinkReferenceDefinition definition) {
            found.add(definition);
          }

          @Override
          public void visit(FencedCodeBlock code) {
            String info = code.getInfo() == null ? "" : code.getInfo().strip().split("\\s", 2)[0];
            code.setInfo(CODE_LANGUAGE.matcher(info).matches() ? info : null);
          }
        });
    return found;
  }

  private static void neutralise(Node node) {
    switch (node) {
      case Link link when OWN_DOCUMENT.matcher(link.getDestination()).matches() ->
          link.setTitle(null);
      case Link link -> {
        String label = textOf(link);
        String address = link.getDestination();
        if (!address.isBlank() && !address.equals(label) && !address.equals("mailto:" + label)) {
          link.insertAfter(new Text(" (" + address + ")"));
        }
        unwrap(link);
      }
      case Image image -> unwrap(image);
      case HtmlInline html -> replaceWithText(html, html.getLiteral());
      case HtmlBlock html -> replaceWithCode(html, html.getLiteral());
      case LinkReferenceDefinition definition -> definition.unlink(); // its links are text now
      default -> {}
    }
  }

  private static void replaceWithText(Node node, String literal) {
    if (!literal.startsWith("<!--")) {
      node.insertBefore(new Text(literal));
    }
    node.unlink();
  }

  private static void replaceWithCode(Node node, String literal) {
    if (!literal.startsWith("<!--")) {
      FencedCodeBlock code = new FencedCodeBlock();
      code.setFenceCharacter("`");
      int fence = Math.max(3, longestRun('`', literal) + 1);
      code.setOpeningFenceLength(fence);
      code.setClosingFenceLength(fence);
      code.setLiteral(literal);
      node.insertBefore(code);
    }
    node.unlink();
  }

  /** Puts a node's children where it was (an image's alt text, a link's label). */
  private static void unwrap(Node node) {
    Node child = node.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      node.insertBefore(child);
      child = next;
    }
    node.unlink();
  }

  /**
   * Joins neighbouring text nodes, which unwrapping leaves behind: an address split over two of
   * them ("www" + ".example.com") would escape the autolink check that looks within one.
   */
  private static void mergeAdjacentText(Node parent) {
    Node node = parent.getFirstChild();
    while (node != null) {
      if (node instanceof Text text && node.getNext() instanceof Text next) {
        text.setLiteral(text.getLiteral() + next.getLiteral());
        next.unlink();
        continue;
      }
      mergeAdjacentText(node);
      node = node.getNext();
    }
  }

  private static void linkCitations(Node document, Map<Integer, String> citations) {
    List<Text> texts = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            if (!insideLink(text)) {
              texts.add(text);
            }
          }
        });
    for (Text text : texts) {
      String literal = text.getLiteral();
      Matcher marker = MARKER.matcher(literal);
      int from = 0;
      while (marker.find()) {
        String route = citations.get(Integer.parseInt(marker.group(1)));
        if (route == null || !OWN_DOCUMENT.matcher(route).matches()) {
          continue;
        }
        if (marker.start() > from) {
          text.insertBefore(new Text(literal.substring(from, marker.start())));
        }
        Link link = new Link(route, null);
        link.appendChild(new Text(marker.group()));
        text.insertBefore(link);
        from = marker.end();
      }
      if (from > 0) {
        if (from < literal.length()) {
          text.insertBefore(new Text(literal.substring(from)));
        }
        text.unlink();
      }
    }
  }

  private static boolean insideLink(Node node) {
    for (Node p = node.getParent(); p != null; p = p.getParent()) {
      if (p instanceof Link) {
        return true;
      }
    }
    return false;
  }

  private static String textOf(Node node) {
    StringBuilder text = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            text.append(t.getLiteral());
          }

          @Override
          public void visit(Code code) {
            text.append(code.getLiteral());
          }
        });
    return text.toString();
  }

  private static int longestRun(char c, String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
