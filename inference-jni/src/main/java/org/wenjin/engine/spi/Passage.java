package org.wenjin.engine.spi;

/**
 * A piece of a company document that grounds an answer; {@code marker} is the number the answer
 * cites it by ([1], [2], ...).
 */
public record Passage(int marker, String title, String source, String text) {}
