package org.wenjin.knowledge.infrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.wenjin.knowledge.domain.ParsedDocument;
import org.wenjin.knowledge.domain.TextBlock;
import org.wenjin.knowledge.domain.UnreadableDocumentException;
import org.wenjin.platform.text.RuleMessage;

/**
 * Plain text and Markdown: Tika's encoding detection (UTF-8, GB18030/GBK, Big5, ...) decodes the
 * bytes; blank lines separate paragraphs; in Markdown, {@code #} lines are the headings.
 */
final class PlainTextBlocks {

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

  private PlainTextBlocks() {}

  static ParsedDocument parse(byte[] bytes, String fileName, boolean markdown, int maxCharacters) {
    String text = decode(bytes, fileName, maxCharacters);
    List<TextBlock> blocks = new ArrayList<>();
    String[] headings = new String[6];
    String title = null;
    StringBuilder paragraph = new StringBuilder();
    int offset = 0;
    int paragraphStart = 0;
    for (String line : text.split("\n", -1)) {
      Matcher heading = markdown ? HEADING.matcher(line) : null;
      if (line.isBlank() || (heading != null && heading.matches())) {
        add(blocks, paragraph, paragraphStart, headings);
        if (heading != null && heading.matches()) {
          int level = heading.group(1).length() - 1;
          headings[level] = heading.group(2);
          for (int deeper = level + 1; deeper < 6; deeper++) {
            headings[deeper] = null;
          }
          if (title == null && level == 0) {
            title = heading.group(2);
          }
        }
        paragraphStart = offset + line.length() + 1;
      } else {
        paragraph.append(line).append('\n');
      }
      offset += line.length() + 1;
    }
    add(blocks, paragraph, paragraphStart, headings);
    if (blocks.isEmpty()) {
      throw new UnreadableDocumentException(RuleMessage.of("knowledge.file.no-text"));
    }
    return new ParsedDocument(title, null, blocks);
  }

  private static void add(
      List<TextBlock> blocks, StringBuilder paragraph, int start, String[] headings) {
    String text = StructureHandler.normalise(paragraph);
    paragraph.setLength(0);
    if (!text.isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (String h : headings) {
        if (h != null) {
          path.append(path.isEmpty() ? "" : " › ").append(h);
        }
      }
      blocks.add(new TextBlock(text, null, path.toString(), start));
    }
  }

  private static String decode(byte[] bytes, String fileName, int maxCharacters) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try (InputStream in = TikaInputStream.get(bytes);
        BufferedReader reader = new BufferedReader(new AutoDetectReader(in, metadata))) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      int n;
      while ((n = reader.read(buffer)) > 0) {
        if (Thread.currentThread().isInterrupted()) {
          throw new UnreadableDocumentException(RuleMessage.of("knowledge.file.reading-stopped"));
        }
        text.append(buffer, 0, n);
        if (text.length() > maxCharacters) {
          throw new UnreadableDocumentException(
              RuleMessage.of("knowledge.file.too-much-text", maxCharacters));
        }
      }
      return text.toString().replace("\r\n", "\n").replace('\r', '\n');
    } catch (IOException | TikaException e) {
      throw new UnreadableDocumentException(RuleMessage.of("knowledge.file.encoding"), e);
    }
  }
}
