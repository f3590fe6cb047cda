package org.wenjin.chat.application;

import org.wenjin.inference.application.GenerationOutcome;

/**
 * How an answer ended, as its stream saw it: the outcome, the text, how many pieces came, and when,
 * in nanoseconds from the moment it was handed to the pool: a slot took it ({@code queueNanos}; the
 * whole time if none did), its first piece came (-1: none), it ended.
 */
public record Answered(
    GenerationOutcome outcome,
    String text,
    int pieces,
    long queueNanos,
    long firstPieceNanos,
    long totalNanos) {}
