package org.wenjin.knowledge.domain;

/**
 * A piece of a document that is embedded and indexed on its own.
 *
 * @param index 0-based position in the document; with the document id it makes the index id
 * @param start character offset of the first character in the document's extracted text
 * @param end character offset after the last character (of the last block it draws from)
 */
public record Chunk(int index, String text, Integer page, String heading, int start, int end) {}
