package org.wenjin.chat.application;

import org.wenjin.inference.application.GenerationOutcome;

/**
 * How an answer ended, as its stream saw it: the outcome, the text, how many pieces came, and when,
 * in nanoseconds from the moment it was handed to the pool: a slot took it ({@code queueNanos}; the
 * whole time if none did), its first piece came (-1: none), it ended. {@code promptTokens}: every
 * prompt it took (a flow's steps summed); {@code citations} and {@code flowTrace}: what a flow
 * found and did (null: as prepared, no flow).
 */
public record Answered(
    GenerationOutcome outcome,
    String text,
    int pieces,
    long queueNanos,
    long firstPieceNanos,
    long totalNanos,
    int promptTokens,
    String citations,
    String flowTrace) {}
