package org.wenjin.knowledge.domain;

import java.util.List;

/**
 * The text of a document as blocks in reading order.
 *
 * @param title the document's own title (PDF/DOCX metadata, HTML title), or null
 * @param pages the page count of paginated formats, else null
 */
public record ParsedDocument(String title, Integer pages, List<TextBlock> blocks) {

  public int characters() {
    return blocks.stream().mapToInt(b -> b.text().length()).sum();
  }
}
