package org.wenjin.knowledge.domain;

/**
 * A run of text that belongs together (a paragraph, a list item, a table cell row), with where it
 * stands in the document.
 *
 * @param page 1-based page for paginated formats, else null
 * @param heading the heading path it falls under ("Setup › Network"), or "" before any heading
 * @param start character offset of the block in the document's extracted text
 */
public record TextBlock(String text, Integer page, String heading, int start) {}
