package org.wenjin.knowledge.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wenjin.knowledge.domain.TextBlock;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML into {@link TextBlock}s: a block per paragraph-like element, the heading path
 * from h1–h6, and the page from Tika's {@code <div class="page">} (PDF). Stops with an error when
 * the text grows past {@code maxCharacters} (the document fails rather than being indexed in part,
 * which would let searches miss its end unnoticed), and when its thread is interrupted.
 */
final class StructureHandler extends DefaultHandler {

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "li",
          "tr",
          "pre",
          "blockquote",
          "table",
          "ul",
          "ol",
          "dd",
          "dt",
          "section",
          "article",
          "header",
          "footer",
          "body",
          "title");

  private final int maxCharacters;
  private final List<TextBlock> blocks = new ArrayList<>();
  private final String[] headings = new String[6];
  private final StringBuilder text = new StringBuilder();
  private int offset;
  private int pages;
  private int skipDepth;

  StructureHandler(int maxCharacters) {
    this.maxCharacters = maxCharacters;
  }

  List<TextBlock> blocks() {
    flush();
    return blocks;
  }

  /** Pages seen, or null when the format has none. */
  Integer pages() {
    return pages == 0 ? null : pages;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts)
      throws SAXException {
    stopIfInterrupted();
    String name = localName.isEmpty() ? qName : localName;
    if ("head".equals(name) || "script".equals(name) || "style".equals(name)) {
      skipDepth++;
      return;
    }
    if ("div".equals(name) && "page".equals(atts.getValue("class"))) {
      flush();
      pages++;
      return;
    }
    if (isHeading(name) || BLOCKS.contains(name)) {
      flush();
    } else if ("td".equals(name) || "th".equals(name) || "br".equals(name)) {
      text.append(' ');
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    String name = localName.isEmpty() ? qName : localName;
    if ("head".equals(name) || "script".equals(name) || "style".equals(name)) {
      skipDepth--;
      return;
    }
    if (isHeading(name)) {
      int level = name.charAt(1) - '1';
      String heading = normalise(text);
      text.setLength(0);
      if (!heading.isEmpty()) {
        headings[level] = heading;
        for (int deeper = level + 1; deeper < headings.length; deeper++) {
          headings[deeper] = null;
        }
      }
    } else if (BLOCKS.contains(name)) {
      flush();
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    stopIfInterrupted();
    if (skipDepth > 0) {
      return;
    }
    text.append(ch, start, length);
    if (offset + text.length() > maxCharacters) {
      throw new SAXException(new TooMuchTextException(maxCharacters));
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    if (skipDepth == 0) {
      text.append(' ');
    }
  }

  /**
   * A parse that ran out of time is interrupted; most parsers never look, but every one of them
   * hands its text to this handler, which then stops it.
   */
  private static void stopIfInterrupted() throws SAXException {
    if (Thread.currentThread().isInterrupted()) {
      throw new SAXException(new StoppedException());
    }
  }

  private void flush() {
    String block = normalise(text);
    text.setLength(0);
    if (block.isEmpty()) {
      return;
    }
    blocks.add(new TextBlock(block, pages == 0 ? null : pages, headingPath(), offset));
    offset += block.length() + 2; // the blocks read as paragraphs separated by a blank line
  }

  private String headingPath() {
    StringBuilder path = new StringBuilder();
    for (String h : headings) {
      if (h != null) {
        if (!path.isEmpty()) {
          path.append(" › ");
        }
        path.append(h);
      }
    }
    return path.toString();
  }

  private static boolean isHeading(String name) {
    return name.length() == 2
        && name.charAt(0) == 'h'
        && name.charAt(1) >= '1'
        && name.charAt(1) <= '6';
  }

  /** Collapses runs of whitespace (PDF line breaks, HTML indentation) to one space. */
  static String normalise(CharSequence raw) {
    return raw.toString().replaceAll("[\\s\\u00A0\\u3000]+", " ").strip();
  }

  /** Thrown through SAX when the parse was interrupted (it ran out of time). */
  static final class StoppedException extends RuntimeException implements Explained {
    StoppedException() {
      super(RuleMessage.of("knowledge.file.reading-stopped").english());
    }

    @Override
    public RuleMessage explanation() {
      return RuleMessage.of("knowledge.file.reading-stopped");
    }
  }

  /** Thrown through SAX when a document has more text than the limit. */
  static final class TooMuchTextException extends RuntimeException implements Explained {

    private final RuleMessage explanation;

    TooMuchTextException(int limit) {
      this(RuleMessage.of("knowledge.file.too-much-text", limit));
    }

    private TooMuchTextException(RuleMessage explanation) {
      super(explanation.english());
      this.explanation = explanation;
    }

    @Override
    public RuleMessage explanation() {
      return explanation;
    }
  }
}
