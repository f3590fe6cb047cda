package org.wenjin.knowledge.domain;

/** Reads the text and structure out of an uploaded file. */
public interface DocumentParser {

  /**
   * The media type of the bytes, judged from their content and the file name.
   *
   * @throws UnreadableDocumentException when the type is not one Wenjin indexes
   */
  String detect(byte[] bytes, String fileName);

  /**
   * @throws UnreadableDocumentException when the file cannot be read (corrupt, encrypted, too much
   *     text); the message says why, fit to show to the uploader
   */
  ParsedDocument parse(byte[] bytes, String fileName, String mediaType);
}
